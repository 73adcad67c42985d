import { and, eq, isNotNull, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { candidature, commune, structure } from "../db/schema.ts";
import type { Geocodeur } from "../infra/geocodeur.ts";

const LOT = 50;

/** A row whose point is unknown, or only its commune's. */
const aLocaliser = (t: typeof candidature | typeof structure) =>
  or(isNull(t.latitude), eq(t.positionApproximative, true));

/**
 * Locates what the address service could not when it was entered (service down, slow or
 * unsure), rows without a point or only at their commune's (approximate): available candidates
 * by their commune, structures by their address. A few rows per run; rows still unlocated stay
 * for the next run, nothing fails.
 */
export async function localiserEnAttente(
  db: Db,
  geocodeur: Geocodeur,
): Promise<{ candidatures: number; structures: number }> {
  const candidatures = await db
    .select({ id: candidature.id, code: commune.code, nom: commune.nom })
    .from(candidature)
    .innerJoin(commune, eq(commune.code, candidature.communeCode))
    .where(and(eq(candidature.statut, "disponible"), aLocaliser(candidature)))
    .limit(LOT);
  let localisees = 0;
  for (const c of candidatures) {
    const point = await geocodeur.localiser(c.nom, c.code);
    if (!point) continue;
    await db
      .update(candidature)
      .set({ ...point, positionApproximative: false })
      .where(and(eq(candidature.id, c.id), aLocaliser(candidature)));
    localisees++;
  }
  const structures = await db
    .select({ id: structure.id, adresse: structure.adresse, code: structure.communeCode })
    .from(structure)
    .where(and(aLocaliser(structure), isNotNull(structure.adresse)))
    .limit(LOT);
  let structuresLocalisees = 0;
  for (const s of structures) {
    const point = await geocodeur.localiser(s.adresse!, s.code);
    if (!point) continue;
    await db
      .update(structure)
      .set({ ...point, positionApproximative: false })
      .where(and(eq(structure.id, s.id), aLocaliser(structure)));
    structuresLocalisees++;
  }
  return { candidatures: localisees, structures: structuresLocalisees };
}
