import { and, asc, count, eq, ilike, type SQL } from "drizzle-orm";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import { commune, structure } from "../db/schema.ts";
import { motifRecherche } from "../utilisateurs/index.ts";

/** The structure columns the scoping rule may match on. */
export const colonnesPerimetreStructure = {
  departement: structure.departementCode,
  region: structure.regionCode,
  commune: structure.communeCode,
  structureId: structure.id,
  reseau: structure.reseau,
};

/** The orders of the structures' list: by name (default), by département then name, by commune. */
export const TRIS_STRUCTURES = ["nom", "departement", "commune"] as const;
export type TriStructures = (typeof TRIS_STRUCTURES)[number];

const ORDRES_STRUCTURES: Record<TriStructures, SQL[]> = {
  nom: [asc(structure.nom)],
  departement: [asc(structure.departementCode), asc(structure.nom)],
  commune: [asc(commune.nom), asc(structure.nom)],
};

export type FiltresStructures = {
  recherche?: string | undefined;
  departement?: string | undefined;
  tri?: TriStructures | undefined;
};

function conditionsStructures(connexion: SessionChargee, filtres: FiltresStructures) {
  const conditions: SQL[] = [predicatPerimetre(connexion, colonnesPerimetreStructure)];
  if (filtres.recherche) conditions.push(ilike(structure.nom, motifRecherche(filtres.recherche)));
  if (filtres.departement) conditions.push(eq(structure.departementCode, filtres.departement));
  return and(...conditions);
}

/** The structures the session may read, filtered and in the order asked: a page, or the export. */
export function selectionStructures(
  db: Executeur,
  connexion: SessionChargee,
  filtres: FiltresStructures,
) {
  return db
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
    .where(conditionsStructures(connexion, filtres))
    .orderBy(...ORDRES_STRUCTURES[filtres.tri ?? "nom"], asc(structure.id))
    .$dynamic();
}

export async function listerStructuresVisibles(
  db: Executeur,
  connexion: SessionChargee,
  filtres: FiltresStructures & { page: number; parPage: number },
) {
  const [[total], lignes] = await Promise.all([
    db.select({ n: count() }).from(structure).where(conditionsStructures(connexion, filtres)),
    selectionStructures(db, connexion, filtres)
      .limit(filtres.parPage)
      .offset((filtres.page - 1) * filtres.parPage),
  ]);
  return { total: total?.n ?? 0, lignes };
}
