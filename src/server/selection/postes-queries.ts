import { and, asc, count, desc, eq, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { FilePostes } from "../../domain/espaces.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import { commune, poste, structure } from "../db/schema.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";
import { motifRecherche } from "../utilisateurs/index.ts";

export const TAILLE_PAGE_POSTES = 25;

/** The orders of the posts' list: nearest deadline first (default), by structure, newest grant. */
export const TRIS_POSTES = ["echeance", "structure", "attribution"] as const;
export type TriPostes = (typeof TRIS_POSTES)[number];

/** The condition of a posts' work queue on the day `aujourdhui` (overdue is derived, never stored). */
export function conditionFilePostes(file: FilePostes | undefined, aujourdhui: string) {
  switch (file) {
    case "a_pourvoir":
      return eq(poste.statut, "vacant");
    case "en_retard":
      return and(eq(poste.statut, "vacant"), lt(poste.dateLimiteRecrutement, aujourdhui));
    case "pourvus":
      return eq(poste.statut, "pourvu");
    case undefined:
      return undefined;
  }
}

type FiltresPostes = {
  file?: FilePostes | undefined;
  recherche?: string | undefined;
  aujourdhui: string;
};

/** The posts' list conditions: the session's scope, a work queue, a search on the structure. */
function conditionsPostes(connexion: SessionChargee, f: FiltresPostes) {
  const conditions: (SQL | undefined)[] = [
    predicatPerimetre(connexion, colonnesPerimetreStructure),
    conditionFilePostes(f.file, f.aujourdhui),
  ];
  if (f.recherche) {
    const motif = motifRecherche(f.recherche);
    conditions.push(or(ilike(structure.nom, motif), ilike(structure.siret, motif)));
  }
  return and(...conditions);
}

/** How many posts of the session's scope the list holds (a work queue's count, a list's total). */
export async function compterPostes(
  db: Executeur,
  connexion: SessionChargee,
  f: FiltresPostes,
): Promise<number> {
  const [total] = await db
    .select({ n: count() })
    .from(poste)
    .innerJoin(structure, eq(structure.id, poste.structureId))
    .where(conditionsPostes(connexion, f));
  return total?.n ?? 0;
}

/** The posts the session may read, filtered and in the order asked: a page of it, or its export. */
export function selectionPostes(
  db: Executeur,
  connexion: SessionChargee,
  f: FiltresPostes & { tri?: TriPostes | undefined },
) {
  return db
    .select({
      id: poste.id,
      structureId: structure.id,
      structureNom: structure.nom,
      siret: structure.siret,
      commune: commune.nom,
      departementCode: structure.departementCode,
      coordinateur: poste.coordinateur,
      secteur: poste.secteur,
      plafondCents: poste.plafondCents,
      dureeMois: poste.dureeMois,
      dateAttribution: poste.dateAttribution,
      dateLimiteRecrutement: poste.dateLimiteRecrutement,
      statut: poste.statut,
      enRetard: sql<boolean>`${poste.statut} = 'vacant' and ${poste.dateLimiteRecrutement} < ${f.aujourdhui}`,
    })
    .from(poste)
    .innerJoin(structure, eq(structure.id, poste.structureId))
    .innerJoin(commune, eq(commune.code, structure.communeCode))
    .where(conditionsPostes(connexion, f))
    .orderBy(
      ...(f.tri === "structure"
        ? [asc(structure.nom), asc(poste.dateAttribution)]
        : f.tri === "attribution"
          ? [desc(poste.dateAttribution), asc(structure.nom)]
          : [asc(poste.dateLimiteRecrutement), asc(structure.nom)]),
      asc(poste.id),
    )
    .$dynamic();
}

/**
 * A page of the posts the session may read, with an exact total: a work queue, a search on the
 * structure's name or SIRET, in the order asked.
 */
export async function listerPostesDuPerimetre(
  db: Executeur,
  connexion: SessionChargee,
  f: FiltresPostes & { tri?: TriPostes | undefined; page: number },
) {
  const [total, postes] = await Promise.all([
    compterPostes(db, connexion, f),
    selectionPostes(db, connexion, f)
      .limit(TAILLE_PAGE_POSTES)
      .offset((f.page - 1) * TAILLE_PAGE_POSTES),
  ]);
  return { total, postes };
}
