import { and, eq, inArray, sql } from "drizzle-orm";
import type { Perimetre } from "../../domain/perimetre.ts";
import type { Executeur } from "../db/client.ts";
import { habilitation, type PerimetreResolu, structure } from "../db/schema.ts";

/**
 * Turns a habilitation's perimeter into what the session keeps, once at sign-in (docs/securite.md, règle 2)
 * instead of on every request: a coordinator's territory becomes the conseillers it covers
 * (never the coordinator itself) and their structures; a conseiller gets its own structure.
 */
export async function resoudrePerimetre(
  tx: Executeur,
  utilisateurId: string,
  role: string,
  perimetre: Perimetre,
): Promise<PerimetreResolu> {
  if (role === "conseiller") {
    const lignes = await tx
      .select({ structureId: habilitation.structureId })
      .from(habilitation)
      .where(
        and(
          eq(habilitation.utilisateurId, utilisateurId),
          eq(habilitation.role, "conseiller"),
          eq(habilitation.actif, true),
        ),
      );
    return {
      ...perimetre,
      structureIds: lignes.flatMap((l) => (l.structureId ? [l.structureId] : [])),
    };
  }
  if (role !== "coordinateur") return perimetre;
  const territoire =
    perimetre.type === "conseillers"
      ? inArray(habilitation.utilisateurId, perimetre.ids)
      : perimetre.type === "departement"
        ? eq(structure.departementCode, perimetre.code)
        : perimetre.type === "region"
          ? eq(structure.regionCode, perimetre.code)
          : perimetre.type === "communes"
            ? inArray(structure.communeCode, perimetre.codes)
            : sql`false`;
  const lignes = await tx
    .selectDistinct({ id: habilitation.utilisateurId, structureId: structure.id })
    .from(habilitation)
    .innerJoin(structure, eq(structure.id, habilitation.structureId))
    .where(
      and(
        eq(habilitation.role, "conseiller"),
        eq(habilitation.actif, true),
        territoire,
        sql`${habilitation.utilisateurId} <> ${utilisateurId}`,
      ),
    );
  return {
    ...perimetre,
    conseillerIds: [...new Set(lignes.map((l) => l.id))],
    structureIds: [...new Set(lignes.map((l) => l.structureId))],
  };
}
