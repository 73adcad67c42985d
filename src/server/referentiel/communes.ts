import { and, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { commune } from "../db/schema.ts";
import { motifRecherche } from "../utilisateurs/queries.ts";

/**
 * Current communes matching what a person typed: the start of a postcode (2 to 5 digits), or a
 * name or an INSEE code. One rule for every commune search of the platform.
 */
export function communesCorrespondant(q: string): SQL {
  return and(
    eq(commune.type, "commune-actuelle"),
    /^\d{2,5}$/.test(q)
      ? sql`exists (select 1 from unnest(${commune.codesPostaux}) cp where cp like ${`${q}%`})`
      : or(ilike(commune.nom, motifRecherche(q)), eq(commune.code, q)),
  )!;
}
