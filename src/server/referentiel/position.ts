import { eq, sql } from "drizzle-orm";
import type { Db, Executeur } from "../db/client.ts";
import { commune } from "../db/schema.ts";
import type { Coordonnees, Geocodeur } from "../infra/geocodeur.ts";

/** A point and whether it is only its commune's (the address was not located). */
export type Position = Coordonnees & { approximative: boolean };

/**
 * The address's point from the national address base, else the commune's own point marked
 * approximate, else null (a commune without a known point: no distance is ever invented).
 */
export async function localiserOuCommune(
  db: Executeur,
  geocodeur: Geocodeur,
  adresse: string,
  communeCode: string,
): Promise<Position | null> {
  const exact = await geocodeur.localiser(adresse, communeCode);
  if (exact) return { ...exact, approximative: false };
  return pointDeLaCommune(db, communeCode);
}

/** Where a commune is, known by its code alone: its name located, else its own point. */
export async function localiserLaCommune(
  db: Executeur,
  geocodeur: Geocodeur,
  communeCode: string,
): Promise<Position | null> {
  const [c] = await db
    .select({ nom: commune.nom })
    .from(commune)
    .where(eq(commune.code, communeCode));
  return c ? localiserOuCommune(db, geocodeur, c.nom, communeCode) : null;
}

export async function pointDeLaCommune(
  db: Executeur,
  communeCode: string,
): Promise<Position | null> {
  const [c] = await db
    .select({ latitude: commune.latitude, longitude: commune.longitude })
    .from(commune)
    .where(eq(commune.code, communeCode));
  return c?.latitude != null && c.longitude != null
    ? { latitude: c.latitude, longitude: c.longitude, approximative: true }
    : null;
}

/** The columns a position is written to. */
export const colonnesPosition = (p: Position | null) => ({
  latitude: p?.latitude ?? null,
  longitude: p?.longitude ?? null,
  positionApproximative: p?.approximative ?? false,
});

/**
 * Rows without a point (written before communes had theirs, or while the address service was
 * away) take their commune's, marked approximate: one statement per table, at start.
 */
export async function placerAuPointDeLaCommune(db: Db): Promise<void> {
  for (const table of ["candidature", "structure", "lieu"] as const) {
    await db.execute(sql`update ${sql.identifier(table)} t
      set latitude = c.latitude, longitude = c.longitude, position_approximative = true
      from commune c
      where c.code = t.commune_code and t.latitude is null and c.latitude is not null`);
  }
}
