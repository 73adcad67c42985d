import { and, asc, count, eq, ilike, type SQL } from "drizzle-orm";
import { predicatPerimetre } from "../access/perimetre-sql.ts";
import type { SessionChargee } from "../auth/sessions.ts";
import type { Executeur } from "../db/client.ts";
import { commune, structure } from "../db/schema.ts";
import { motifRecherche } from "../utilisateurs/queries.ts";

/** The structure columns the scoping rule may match on. */
export const colonnesPerimetreStructure = {
  departement: structure.departementCode,
  region: structure.regionCode,
  commune: structure.communeCode,
  structureId: structure.id,
  reseau: structure.reseau,
};

export async function listerStructuresVisibles(
  db: Executeur,
  connexion: SessionChargee,
  filtres: {
    recherche?: string | undefined;
    departement?: string | undefined;
    page: number;
    parPage: number;
  },
) {
  const conditions: SQL[] = [predicatPerimetre(connexion, colonnesPerimetreStructure)];
  if (filtres.recherche) conditions.push(ilike(structure.nom, motifRecherche(filtres.recherche)));
  if (filtres.departement) conditions.push(eq(structure.departementCode, filtres.departement));
  const ou = and(...conditions);
  const [total] = await db.select({ n: count() }).from(structure).where(ou);
  const lignes = await db
    .select({
      id: structure.id,
      nom: structure.nom,
      siret: structure.siret,
      secteur: structure.secteur,
      typeJuridique: structure.typeJuridique,
      commune: commune.nom,
      communeCode: structure.communeCode,
      departementCode: structure.departementCode,
      regionCode: structure.regionCode,
      reseau: structure.reseau,
    })
    .from(structure)
    .innerJoin(commune, eq(commune.code, structure.communeCode))
    .where(ou)
    .orderBy(asc(structure.nom), asc(structure.id))
    .limit(filtres.parPage)
    .offset((filtres.page - 1) * filtres.parPage);
  return { total: total?.n ?? 0, lignes };
}
