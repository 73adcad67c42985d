import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { candidature, commune, structure } from "../db/schema.ts";
import type { Geocodeur } from "../infra/geocodeur.ts";

const LOT = 50;

/**
 * Locates what the address service could not when it was entered (service down, slow or
 * unsure): available candidates by their commune, structures by their address. A few rows per
 * run; rows still unlocated stay for the next run, nothing fails.
 */
export async function localiserEnAttente(
  db: Db,
  geocodeur: Geocodeur,
): Promise<{ candidatures: number; structures: number }> {
  const candidatures = await db
    .select({ id: candidature.id, code: commune.code, nom: commune.nom })
    .from(candidature)
    .innerJoin(commune, eq(commune.code, candidature.communeCode))
    .where(and(eq(candidature.statut, "disponible"), isNull(candidature.latitude)))
    .limit(LOT);
  let localisees = 0;
  for (const c of candidatures) {
    const point = await geocodeur.localiser(c.nom, c.code);
    if (!point) continue;
    await db
      .update(candidature)
      .set(point)
      .where(and(eq(candidature.id, c.id), isNull(candidature.latitude)));
    localisees++;
  }
  const structures = await db
    .select({ id: structure.id, adresse: structure.adresse, code: structure.communeCode })
    .from(structure)
    .where(and(isNull(structure.latitude), isNotNull(structure.adresse)))
    .limit(LOT);
  let structuresLocalisees = 0;
  for (const s of structures) {
    const point = await geocodeur.localiser(s.adresse!, s.code);
    if (!point) continue;
    await db
      .update(structure)
      .set(point)
      .where(and(eq(structure.id, s.id), isNull(structure.latitude)));
    structuresLocalisees++;
  }
  return { candidatures: localisees, structures: structuresLocalisees };
}
