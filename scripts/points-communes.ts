/**
 * Builds `src/server/referentiel/donnees/points-communes.csv`: one point per current commune of
 * the official reference, inside the commune (pole of inaccessibility of its largest polygon,
 * so a crescent-shaped commune never gets a point outside itself).
 *
 * Source: IGN Admin Express COG 2018 commune outlines, as published per département in
 * GeoJSON by the france-geojson project (Licence Ouverte 2.0; see docs/donnees-geographiques.md).
 * Usage: npx tsx scripts/points-communes.ts <folder holding departements/*\/communes-*.geojson>
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import polylabel from "polylabel";

type Anneau = [number, number][];
type Geometrie =
  | { type: "Polygon"; coordinates: Anneau[] }
  | { type: "MultiPolygon"; coordinates: Anneau[][] };
type Commune = { code: string; type: string; anciensCodes?: string[] };

const require = createRequire(import.meta.url);
const dossier = process.argv[2];
if (!dossier) {
  console.error("Usage : npx tsx scripts/points-communes.ts <dossier des contours>");
  process.exit(2);
}

/** Shoelace area in square degrees: enough to choose a commune's main polygon. */
function aire(anneau: Anneau): number {
  let s = 0;
  for (let i = 0, j = anneau.length - 1; i < anneau.length; j = i++)
    s += (anneau[j]![0] - anneau[i]![0]) * (anneau[j]![1] + anneau[i]![1]);
  return Math.abs(s / 2);
}

function pointInterieur(g: Geometrie): [number, number] {
  const polygones = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const principal = polygones.reduce((a, b) => (aire(b[0]!) > aire(a[0]!) ? b : a));
  // About 10 m of precision at French latitudes.
  const [lon, lat] = polylabel(principal, 0.0001);
  return [Math.round(lat! * 1e5) / 1e5, Math.round(lon! * 1e5) / 1e5];
}

const points = new Map<string, [number, number]>();
const departements = join(dossier, "departements");
for (const d of readdirSync(departements)) {
  for (const f of readdirSync(join(departements, d)).filter((n) => n.startsWith("communes-"))) {
    const geo = JSON.parse(readFileSync(join(departements, d, f), "utf8")) as {
      features: { properties: { code: string }; geometry: Geometrie }[];
    };
    for (const c of geo.features) points.set(c.properties.code, pointInterieur(c.geometry));
  }
}

// A commune created since 2018 keeps the code of its chef-lieu most of the time; otherwise it
// takes the point of the first former commune the source knows (still inside the new commune).
const communes: Commune[] = require("@etalab/decoupage-administratif/data/communes.json");
const lignes = ["code,latitude,longitude"];
let sansPoint = 0;
for (const c of communes.filter((x) => x.type === "commune-actuelle")) {
  const code = [c.code, ...(c.anciensCodes ?? [])].find((k) => points.has(k));
  if (!code) {
    sansPoint++;
    continue;
  }
  const [lat, lon] = points.get(code)!;
  lignes.push(`${c.code},${lat},${lon}`);
}
writeFileSync(
  new URL("../src/server/referentiel/donnees/points-communes.csv", import.meta.url),
  `${lignes.join("\n")}\n`,
);
console.log(`${lignes.length - 1} communes placées, ${sansPoint} sans point connu.`);
