import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { CONSERVATION } from "../../domain/conservation.ts";
import { ajouterJours, heureMinuteParis, heureParis, jourParis } from "../../domain/temps.ts";
import type { Db } from "../db/client.ts";
import { atelier, inscriptionAtelier, lieu } from "../db/schema.ts";
import { acteurSysteme, journaliserEnLot } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";

/** Reminders leave from this hour (Paris) on the day before: never a mail in the night. */
const HEURE_DES_RAPPELS = 9;

const jourDe = sql`(${atelier.debut} at time zone 'Europe/Paris')::date`;

/**
 * The workshops' daily care (docs/domaine/ateliers.md §5): the day before, each person holding a
 * place who gave an address is reminded, once; 30 days after a workshop, its registrants'
 * details are deleted, with a line in the journal per workshop (how many, never who).
 */
export async function soignerAteliers(
  db: Db,
  messagerie: Messagerie,
  p: { maintenant: Date },
): Promise<{ rappels: number; effacees: number }> {
  const aujourdhui = jourParis(p.maintenant);
  let rappels = 0;
  if (heureParis(p.maintenant) >= HEURE_DES_RAPPELS) {
    const demain = ajouterJours(aujourdhui, 1);
    const aPrevenir = await db
      .select({
        id: inscriptionAtelier.id,
        prenom: inscriptionAtelier.prenom,
        email: inscriptionAtelier.email,
        titre: atelier.titre,
        debut: atelier.debut,
        lieu: lieu.nom,
        adresse: lieu.adresse,
        codePostal: lieu.codePostal,
      })
      .from(inscriptionAtelier)
      .innerJoin(atelier, eq(atelier.id, inscriptionAtelier.atelierId))
      .innerJoin(lieu, eq(lieu.id, atelier.lieuId))
      .where(
        and(
          eq(inscriptionAtelier.statut, "inscrite"),
          isNotNull(inscriptionAtelier.email),
          isNull(inscriptionAtelier.rappelLe),
          isNull(atelier.annuleLe),
          sql`${jourDe} = ${demain}::date`,
        ),
      );
    // Marked and queued together, in one transaction: a reminder is never sent twice, nor lost.
    // Only the rows this run marks are mailed, should two runs meet.
    const ids = await db.transaction(async (tx) => {
      const marquees = aPrevenir.length
        ? await tx
            .update(inscriptionAtelier)
            .set({ rappelLe: p.maintenant })
            .where(
              and(
                inArray(
                  inscriptionAtelier.id,
                  aPrevenir.map((i) => i.id),
                ),
                isNull(inscriptionAtelier.rappelLe),
              ),
            )
            .returning({ id: inscriptionAtelier.id })
        : [];
      const aEnvoyer = aPrevenir.filter((i) => marquees.some((m) => m.id === i.id));
      rappels = aEnvoyer.length;
      return messagerie.mettreEnFileEnLot(
        tx,
        aEnvoyer.map((i) => ({
          destinataire: i.email!,
          objet: `Rappel : ${i.titre}, demain à ${heureMinuteParis(i.debut)}`,
          modele: "atelier.rappel",
          texte: `Bonjour ${i.prenom},\n\nL'atelier « ${i.titre} » a lieu demain à ${heureMinuteParis(i.debut)}, à ${i.lieu}, ${i.adresse}, ${i.codePostal}.\n\nSi vous ne pouvez pas venir, annulez avec le lien reçu lors de votre inscription, pour laisser votre place.\n\nL'équipe Conseillers numériques France Services`,
        })),
      );
    });
    await messagerie.distribuer(ids);
  }

  const limite = ajouterJours(aujourdhui, -CONSERVATION.inscritAtelier.jours);
  const echus = await db
    .selectDistinct({ id: atelier.id })
    .from(atelier)
    .innerJoin(inscriptionAtelier, eq(inscriptionAtelier.atelierId, atelier.id))
    .where(sql`${jourDe} < ${limite}::date`);
  // One statement for every workshop past its term; one journal line each (how many, never who).
  const effacees = await db.transaction(async (tx) => {
    const supprimees = echus.length
      ? await tx
          .delete(inscriptionAtelier)
          .where(
            inArray(
              inscriptionAtelier.atelierId,
              echus.map((e) => e.id),
            ),
          )
          .returning({ atelierId: inscriptionAtelier.atelierId })
      : [];
    const parAtelier = new Map<string, number>();
    for (const { atelierId } of supprimees)
      parAtelier.set(atelierId, (parAtelier.get(atelierId) ?? 0) + 1);
    await journaliserEnLot(
      tx,
      acteurSysteme("job:ateliers", "job"),
      [...parAtelier].map(([id, nombre]) => ({
        action: "atelier.inscriptions_effacees",
        cibleType: "atelier",
        cibleId: id,
        apres: { nombre, motif: "conservation" },
      })),
    );
    return supprimees.length;
  });
  return { rappels, effacees };
}
