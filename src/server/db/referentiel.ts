import { createRequire } from "node:module";
import { count } from "drizzle-orm";
import type { Db } from "./client.ts";
import { commune, departement, region } from "./schema.ts";

const require = createRequire(import.meta.url);

type RegionSource = { code: string; nom: string; zone: string };
type DepartementSource = { code: string; nom: string; region: string; zone: string };
type CommuneSource = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
};

const TYPES_COMMUNES_GARDES = new Set(["commune-actuelle", "arrondissement-municipal"]);
const TAILLE_LOT = 2000;

/**
 * Loads régions, départements (overseas included) and communes from the official
 * `@etalab/decoupage-administratif` package, once: a database that already holds them is left
 * as it is, so start-up stays fast.
 */
export async function chargerReferentiel(db: Db): Promise<{ communes: number }> {
  const [existant] = await db.select({ n: count() }).from(commune);
  const deja = existant?.n ?? 0;
  if (deja > 0) return { communes: deja };

  const regions: RegionSource[] = require("@etalab/decoupage-administratif/data/regions.json");
  const departements: DepartementSource[] = require("@etalab/decoupage-administratif/data/departements.json");
  const communes: CommuneSource[] = require("@etalab/decoupage-administratif/data/communes.json");
  const gardees = communes.filter(
    (c) => TYPES_COMMUNES_GARDES.has(c.type) && c.departement && c.region,
  );

  await db.transaction(async (tx) => {
    await tx
      .insert(region)
      .values(regions.map((r) => ({ code: r.code, nom: r.nom, zone: r.zone })));
    await tx
      .insert(departement)
      .values(
        departements.map((d) => ({ code: d.code, nom: d.nom, regionCode: d.region, zone: d.zone })),
      );
    for (let i = 0; i < gardees.length; i += TAILLE_LOT) {
      await tx.insert(commune).values(
        gardees.slice(i, i + TAILLE_LOT).map((c) => ({
          code: c.code,
          nom: c.nom,
          type: c.type,
          departementCode: c.departement as string,
          regionCode: c.region as string,
          codesPostaux: c.codesPostaux ?? [],
          population: c.population ?? null,
        })),
      );
    }
  });
  return { communes: gardees.length };
}
