import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { count, eq, sql } from "drizzle-orm";
import { nomCommuneNormalise } from "../../domain/texte.ts";
import { type Db, tableauSql } from "./client.ts";
import { arrondissement, commune, departement, region } from "./schema.ts";

const require = createRequire(import.meta.url);

type RegionSource = { code: string; nom: string; zone: string };
type DepartementSource = { code: string; nom: string; region: string; zone: string };
type CommuneSource = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  arrondissement?: string;
  codesPostaux?: string[];
  population?: number;
  /** A municipal arrondissement's commune. */
  commune?: string;
};
type ArrondissementSource = { code: string; nom: string; departement: string };

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
  if (deja > 0) {
    await completerArrondissements(db);
    await completerLocalisation(db);
    return { communes: deja };
  }

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
    await tx.insert(arrondissement).values(arrondissementsSource());
    const points = pointsDesCommunes();
    for (let i = 0; i < gardees.length; i += TAILLE_LOT) {
      await tx.insert(commune).values(
        gardees.slice(i, i + TAILLE_LOT).map((c) => ({
          ...localisation(c, points),
          code: c.code,
          nom: c.nom,
          type: c.type,
          departementCode: c.departement as string,
          regionCode: c.region as string,
          arrondissementCode: c.arrondissement || null,
          codesPostaux: c.codesPostaux ?? [],
          population: c.population ?? null,
        })),
      );
    }
  });
  return { communes: gardees.length };
}

type Point = { latitude: number; longitude: number };

/** The point of each commune, from the file built by `scripts/points-communes.ts`. */
function pointsDesCommunes(): Map<string, Point> {
  const texte = readFileSync(
    new URL("../referentiel/donnees/points-communes.csv", import.meta.url),
    "utf8",
  );
  const points = new Map<string, Point>();
  for (const ligne of texte.split("\n").slice(1)) {
    const [code, latitude, longitude] = ligne.split(",");
    if (code && latitude && longitude)
      points.set(code, { latitude: Number(latitude), longitude: Number(longitude) });
  }
  return points;
}

/** What the reference adds to a commune: its point (or none), its searchable name, its parent. */
function localisation(c: CommuneSource, points: Map<string, Point>) {
  const point = points.get(c.code);
  return {
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    nomNormalise: nomCommuneNormalise(c.nom),
    parentCode: c.commune ?? null,
  };
}

/** A database loaded before communes had points gets them, with their searchable names, once. */
async function completerLocalisation(db: Db): Promise<void> {
  const [aFaire] = await db
    .select({ n: count() })
    .from(commune)
    .where(eq(commune.nomNormalise, ""));
  if ((aFaire?.n ?? 0) === 0) return;
  const points = pointsDesCommunes();
  const communes: CommuneSource[] = require("@etalab/decoupage-administratif/data/communes.json");
  const valeurs = communes
    .filter((c) => TYPES_COMMUNES_GARDES.has(c.type))
    .map((c) => ({ code: c.code, ...localisation(c, points) }));
  await db.transaction(async (tx) => {
    for (let i = 0; i < valeurs.length; i += 10 * TAILLE_LOT) {
      const lot = valeurs.slice(i, i + 10 * TAILLE_LOT);
      await tx.execute(sql`update commune set latitude = v.lat, longitude = v.lon,
          nom_normalise = v.nom, parent_code = v.parent
        from jsonb_to_recordset(${JSON.stringify(
          lot.map((v) => ({
            code: v.code,
            lat: v.latitude,
            lon: v.longitude,
            nom: v.nomNormalise,
            parent: v.parentCode,
          })),
        )}::jsonb) as v(code text, lat float8, lon float8, nom text, parent text)
        where commune.code = v.code`);
    }
  });
}

function arrondissementsSource() {
  const source: ArrondissementSource[] = require("@etalab/decoupage-administratif/data/arrondissements.json");
  return source.map((a) => ({ code: a.code, nom: a.nom, departementCode: a.departement }));
}

/** A database loaded before arrondissements existed gets them once, communes included. */
async function completerArrondissements(db: Db): Promise<void> {
  const [n] = await db.select({ n: count() }).from(arrondissement);
  if ((n?.n ?? 0) > 0) return;
  const communes: CommuneSource[] = require("@etalab/decoupage-administratif/data/communes.json");
  const paires = communes
    .filter((c) => TYPES_COMMUNES_GARDES.has(c.type) && c.arrondissement)
    .map((c) => [c.code, c.arrondissement as string]);
  await db.transaction(async (tx) => {
    await tx.insert(arrondissement).values(arrondissementsSource());
    // One statement per batch: the pairs travel as two arrays, unnested side by side.
    for (let i = 0; i < paires.length; i += 10 * TAILLE_LOT) {
      const lot = paires.slice(i, i + 10 * TAILLE_LOT);
      await tx.execute(sql`update commune set arrondissement_code = v.a
        from unnest(${tableauSql(
          lot.map((p) => p[0]!),
          "text",
        )}, ${tableauSql(
          lot.map((p) => p[1]!),
          "text",
        )}) as v(c, a)
        where commune.code = v.c`);
    }
  });
}
