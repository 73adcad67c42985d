import { and, eq, ne, sql } from "drizzle-orm";
import { echec, type Resultat, reussite } from "../../domain/erreurs.ts";
import { jourParis } from "../../domain/temps.ts";
import type { Db, Executeur } from "../db/client.ts";
import { beneficiaire, habilitation, utilisateur } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { employeurSql } from "../structures/index.ts";
import { lecteurDuJour } from "./beneficiaires-queries.ts";

export const COLLEGUE_INCONNU =
  "Choisissez un conseiller employé aujourd'hui par la même structure que vous.";

/** The other conseillers employed today by the structure that employs `conseillerId`. */
export async function collegues(db: Executeur, conseillerId: string, maintenant: Date) {
  const { structureId } = await lecteurDuJour(db, conseillerId, maintenant);
  return structureId ? colleguesDe(db, conseillerId, structureId, jourParis(maintenant)) : [];
}

/**
 * The conseillers other than `conseillerId` whose employer on `jour` is `structureId`. Only
 * those the structure ever employed or holds are asked their employer of the day: the page
 * does not compute it for every conseiller of the country.
 */
function colleguesDe(db: Executeur, conseillerId: string, structureId: string, jour: string) {
  return db
    .selectDistinct({ id: utilisateur.id, prenom: utilisateur.prenom, nom: utilisateur.nom })
    .from(utilisateur)
    .innerJoin(
      habilitation,
      and(
        eq(habilitation.utilisateurId, utilisateur.id),
        eq(habilitation.role, "conseiller"),
        eq(habilitation.actif, true),
      ),
    )
    .where(
      and(
        ne(utilisateur.id, conseillerId),
        sql`(${habilitation.structureId} = ${structureId} or exists (select 1 from contrat k
          where k.utilisateur_id = ${utilisateur.id} and k.structure_id = ${structureId}))`,
        sql`${employeurSql(sql`${utilisateur.id}`, sql`${jour}::date`)} = ${structureId}`,
      ),
    )
    .orderBy(utilisateur.nom, utilisateur.prenom);
}

/**
 * Hands a leaving conseiller's followed persons to a colleague of the same structure
 * (docs/domaine/beneficiaires.md §10): only those who agreed to be shared with the structure,
 * each journaled; the others stay with the conseiller, who may delete them.
 */
export async function transmettrePersonnes(
  db: Db,
  p: { conseillerId: string; collegueId: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ transmises: number; gardees: number }>> {
  return db.transaction(async (tx) => {
    const { structureId } = await lecteurDuJour(tx, p.conseillerId, p.maintenant);
    const possibles = structureId
      ? await colleguesDe(tx, p.conseillerId, structureId, jourParis(p.maintenant))
      : [];
    if (!structureId || !possibles.some((c) => c.id === p.collegueId))
      return echec("collegueId", COLLEGUE_INCONNU);
    const transmises = await tx
      .update(beneficiaire)
      .set({ conseillerId: p.collegueId, modifieLe: p.maintenant })
      .where(
        and(
          eq(beneficiaire.conseillerId, p.conseillerId),
          eq(beneficiaire.partageStructure, true),
          eq(beneficiaire.structureId, structureId),
        ),
      )
      .returning({ id: beneficiaire.id });
    for (const { id } of transmises)
      await journaliser(tx, p.acteur, {
        action: "beneficiaire.transmis",
        cibleType: "beneficiaire",
        cibleId: id,
        avant: { conseillerId: p.conseillerId },
        apres: { conseillerId: p.collegueId },
      });
    const [reste] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(beneficiaire)
      .where(eq(beneficiaire.conseillerId, p.conseillerId));
    return reussite({ transmises: transmises.length, gardees: reste?.n ?? 0 });
  });
}
