import { eq, sql } from "drizzle-orm";
import type { ChampFiche, Fusion } from "../../domain/beneficiaires/beneficiaire.ts";
import { echec, type Resultat, reussite } from "../../domain/erreurs.ts";
import { type Db, lignes, tableauSql } from "../db/client.ts";
import { beneficiaire, craBeneficiaire } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { lecteurDuJour } from "./beneficiaires-queries.ts";
import { aMoi, type Champs, colonnes } from "./beneficiaires-service.ts";

/**
 * Merges a duplicate into a person's file (docs/domaine/beneficiaires.md §6): each field from
 * the file chosen, the duplicate's accompaniments moved over, the duplicate deleted; one
 * transaction, journaled without the person's details. Both files must be the conseiller's own.
 */
export async function fusionnerBeneficiaires(
  db: Db,
  p: { conseillerId: string; id: string; fusion: Fusion; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ ok: true }>> {
  const { doublonId, depuisDoublon } = p.fusion;
  if (doublonId === p.id)
    return echec("doublonId", "Une fiche ne peut pas être fusionnée avec elle-même.");
  return db.transaction(async (tx) => {
    // Two merges of the same pair wait for each other instead of both moving the reports.
    await lignes(
      tx,
      sql`select id from ${beneficiaire} where id = any(${tableauSql([p.id, doublonId], "uuid")})
          order by id for update`,
    );
    const lecteur = await lecteurDuJour(tx, p.conseillerId, p.maintenant);
    const garde = await aMoi(tx, lecteur, p.id);
    if (!garde.ok) return garde;
    const doublon = await aMoi(tx, lecteur, doublonId);
    if (!doublon.ok) return doublon;
    const de = (k: ChampFiche) => (depuisDoublon.includes(k) ? doublon.valeur : garde.valeur);
    const fusion: Champs = {
      prenom: de("prenom").prenom,
      nom: de("nom").nom,
      anneeNaissance: de("anneeNaissance").anneeNaissance,
      communeCode: de("communeCode").communeCode,
      telephone: de("telephone").telephone,
      sansTelephone: de("telephone").sansTelephone,
      email: de("email").email,
      genre: de("genre").genre,
      statut: de("statut").statut,
      notes: de("notes").notes,
      partageStructure: de("partageStructure").partageStructure,
    };
    await tx
      .update(beneficiaire)
      .set({ ...colonnes(fusion), modifieLe: p.maintenant })
      .where(eq(beneficiaire.id, p.id));
    const deplaces = await lignes<{ cra_id: string }>(
      tx,
      sql`insert into ${craBeneficiaire} (cra_id, beneficiaire_id)
          select cra_id, ${p.id}::uuid from ${craBeneficiaire} where beneficiaire_id = ${doublonId}
          on conflict do nothing returning cra_id`,
    );
    await tx.delete(beneficiaire).where(eq(beneficiaire.id, doublonId));
    await journaliser(tx, p.acteur, {
      action: "beneficiaire.fusionne",
      cibleType: "beneficiaire",
      cibleId: p.id,
      apres: { doublonId, champs: depuisDoublon, comptesRendusDeplaces: deplaces.length },
    });
    return reussite({ ok: true as const });
  });
}
