import { and, asc, eq, lt, ne, not, or, sql } from "drizzle-orm";
import type { PersonneNommee } from "../../domain/beneficiaires/beneficiaire.ts";
import { echec, type Resultat, reussite } from "../../domain/erreurs.ts";
import { type Executeur, tableauSql } from "../db/client.ts";
import { beneficiaire, cra, craBeneficiaire } from "../db/schema.ts";
import { type Lecteur, lecteurDuJour, visibles } from "./beneficiaires-queries.ts";

export const PERSONNE_NOMMEE_INCONNUE =
  "Une des personnes nommées n'existe pas ou ne fait pas partie de vos personnes suivies.";

/**
 * What the counts of a report need of the persons it names, read among those its conseiller may
 * read or that this report already names (docs/domaine/beneficiaires.md §4). A person is « déjà
 * accompagnée » when another report dated before this one names them.
 */
export async function personnesNommees(
  tx: Executeur,
  p: {
    conseillerId: string;
    ids: readonly string[];
    date: string;
    craId: string | null;
    maintenant: Date;
  },
): Promise<Resultat<PersonneNommee[]>> {
  if (p.ids.length === 0) return reussite([]);
  const lecteur = await lecteurDuJour(tx, p.conseillerId, p.maintenant);
  const ids = tableauSql(p.ids, "uuid");
  const trouvees = await tx
    .select({
      id: beneficiaire.id,
      anneeNaissance: beneficiaire.anneeNaissance,
      genre: beneficiaire.genre,
      statut: beneficiaire.statut,
    })
    .from(beneficiaire)
    .where(
      and(
        sql`${beneficiaire.id} = any(${ids})`,
        p.craId ? or(visibles(lecteur), dejaNommee(p.craId)) : visibles(lecteur),
      ),
    );
  if (trouvees.length !== p.ids.length) return echec("beneficiaireIds", PERSONNE_NOMMEE_INCONNUE);
  const dejaVues = await tx
    .selectDistinct({ id: craBeneficiaire.beneficiaireId })
    .from(craBeneficiaire)
    .innerJoin(cra, eq(cra.id, craBeneficiaire.craId))
    .where(
      and(
        sql`${craBeneficiaire.beneficiaireId} = any(${ids})`,
        lt(cra.date, p.date),
        p.craId ? ne(cra.id, p.craId) : undefined,
      ),
    );
  const vues = new Set(dejaVues.map((v) => v.id));
  return reussite(trouvees.map(({ id, ...b }) => ({ ...b, dejaAccompagnee: vues.has(id) })));
}

/** The persons a report names, replaced as a whole (none removes them all). */
export async function lierPersonnes(tx: Executeur, craId: string, ids: readonly string[]) {
  await tx.delete(craBeneficiaire).where(eq(craBeneficiaire.craId, craId));
  if (ids.length > 0)
    await tx
      .insert(craBeneficiaire)
      .values(ids.map((beneficiaireId) => ({ craId, beneficiaireId })));
}

/** The person is one this report names already. */
const dejaNommee = (craId: string) =>
  sql`${beneficiaire.id} in (select beneficiaire_id from cra_beneficiaire where cra_id = ${craId})`;

/**
 * The persons a report names that its author may no longer read (a colleague withdrew the
 * sharing since): not theirs to remove, they stay named when the report is edited.
 */
export async function personnesIllisiblesDuCra(
  tx: Executeur,
  l: Lecteur,
  craId: string,
): Promise<string[]> {
  const ids = await tx
    .select({ id: craBeneficiaire.beneficiaireId })
    .from(craBeneficiaire)
    .innerJoin(beneficiaire, eq(beneficiaire.id, craBeneficiaire.beneficiaireId))
    .where(and(eq(craBeneficiaire.craId, craId), not(visibles(l))))
    .orderBy(asc(craBeneficiaire.beneficiaireId));
  return ids.map((x) => x.id);
}

/** The persons a report names that its reader may still read, to show and edit it. */
export function personnesDuCra(tx: Executeur, l: Lecteur, craId: string) {
  return tx
    .select({ id: beneficiaire.id, prenom: beneficiaire.prenom, nom: beneficiaire.nom })
    .from(craBeneficiaire)
    .innerJoin(beneficiaire, eq(beneficiaire.id, craBeneficiaire.beneficiaireId))
    .where(and(eq(craBeneficiaire.craId, craId), visibles(l)))
    .orderBy(asc(beneficiaire.nom), asc(beneficiaire.id));
}
