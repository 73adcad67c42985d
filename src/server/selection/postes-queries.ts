import { and, asc, count, desc, eq, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { FilePostes } from "../../domain/espaces.ts";
import { predicatPerimetre } from "../access/perimetre-sql.ts";
import type { SessionChargee } from "../auth/sessions.ts";
import type { Executeur } from "../db/client.ts";
import { commune, poste, structure } from "../db/schema.ts";
import { colonnesPerimetreStructure } from "../structures/queries.ts";
import { motifRecherche } from "../utilisateurs/queries.ts";

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

/**
 * A page of the posts the session may read, with an exact total: a work queue, a search on the
 * structure's name or SIRET, the oldest deadline first.
 */
export async function listerPostesDuPerimetre(
  db: Executeur,
  connexion: SessionChargee,
  f: {
    file?: FilePostes | undefined;
    recherche?: string | undefined;
    tri?: TriPostes | undefined;
    page: number;
    aujourdhui: string;
  },
) {
  const conditions: (SQL | undefined)[] = [
    predicatPerimetre(connexion, colonnesPerimetreStructure),
    conditionFilePostes(f.file, f.aujourdhui),
  ];
  if (f.recherche) {
    const motif = motifRecherche(f.recherche);
    conditions.push(or(ilike(structure.nom, motif), ilike(structure.siret, motif)));
  }
  const ou = and(...conditions);
  const [total] = await db
    .select({ n: count() })
    .from(poste)
    .innerJoin(structure, eq(structure.id, poste.structureId))
    .where(ou);
  const postes = await db
    .select({
      id: poste.id,
      structureId: structure.id,
      structureNom: structure.nom,
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
    .where(ou)
    .orderBy(
      ...(f.tri === "structure"
        ? [asc(structure.nom), asc(poste.dateAttribution)]
        : f.tri === "attribution"
          ? [desc(poste.dateAttribution), asc(structure.nom)]
          : [asc(poste.dateLimiteRecrutement), asc(structure.nom)]),
      asc(poste.id),
    )
    .limit(TAILLE_PAGE_POSTES)
    .offset((f.page - 1) * TAILLE_PAGE_POSTES);
  return { total: total?.n ?? 0, postes };
}
