import { eq, inArray } from "drizzle-orm";
import type { Executeur } from "../db/client.ts";
import { commune, departement, region } from "../db/schema.ts";

export function regions(db: Executeur) {
  return db.select({ code: region.code, nom: region.nom }).from(region).orderBy(region.code);
}

export function departements(db: Executeur) {
  return db
    .select({ code: departement.code, nom: departement.nom, regionCode: departement.regionCode })
    .from(departement)
    .orderBy(departement.code);
}

/** The départements of some régions, outre-mer included. */
export async function departementsDesRegions(
  db: Executeur,
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const l = await db
    .select({ code: departement.code })
    .from(departement)
    .where(inArray(departement.regionCode, [...codes]));
  return l.map((d) => d.code);
}

export async function communeParCode(db: Executeur, code: string) {
  const [c] = await db
    .select({
      code: commune.code,
      nom: commune.nom,
      departementCode: commune.departementCode,
      codesPostaux: commune.codesPostaux,
    })
    .from(commune)
    .where(eq(commune.code, code));
  return c ?? null;
}

/** Which of these codes are communes of our reference. */
export async function communesConnues(
  db: Executeur,
  codes: readonly string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const l = await db
    .select({ code: commune.code })
    .from(commune)
    .where(inArray(commune.code, [...new Set(codes)]));
  return new Set(l.map((c) => c.code));
}
