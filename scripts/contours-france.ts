/**
 * Builds `public/carte/contours-france.geojson`: the outlines of régions and départements drawn
 * under the public map when no tile server is configured, simplified to about 1 km (enough to
 * see where one is at the zoom levels a country or a département is shown, and light to load).
 *
 * Source: IGN Admin Express COG 2018 outlines as published by the france-geojson project
 * (`departements-avec-outre-mer.geojson`, `regions-avec-outre-mer.geojson`), Licence Ouverte
 * 2.0; see docs/donnees-geographiques.md.
 * Usage: npx tsx scripts/contours-france.ts <folder holding the two files>
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import simplify from "@turf/simplify";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";

const dossier = process.argv[2];
if (!dossier) {
  console.error("Usage : npx tsx scripts/contours-france.ts <dossier des contours>");
  process.exit(2);
}

/** Three decimals: about 100 m, well under the simplification's kilometre. */
const arrondir = (p: Position): Position => [
  Math.round(p[0]! * 1e3) / 1e3,
  Math.round(p[1]! * 1e3) / 1e3,
];

function arrondie(g: Geometry): Geometry {
  if (g.type === "Polygon") return { ...g, coordinates: g.coordinates.map((a) => a.map(arrondir)) };
  if (g.type === "MultiPolygon")
    return { ...g, coordinates: g.coordinates.map((p) => p.map((a) => a.map(arrondir))) };
  return g;
}

function niveau(fichier: string, nature: "region" | "departement"): Feature[] {
  const geo = JSON.parse(readFileSync(join(dossier!, fichier), "utf8")) as FeatureCollection;
  return geo.features.map((f) => {
    const simple = simplify(f, { tolerance: 0.01, highQuality: true });
    const { code, nom } = f.properties as { code: string; nom: string };
    return {
      type: "Feature",
      properties: { nature, code, nom },
      geometry: arrondie(simple.geometry),
    };
  });
}

const contours: FeatureCollection = {
  type: "FeatureCollection",
  features: [
    ...niveau("regions-avec-outre-mer.geojson", "region"),
    ...niveau("departements-avec-outre-mer.geojson", "departement"),
  ],
};
const sortie = new URL("../public/carte/contours-france.geojson", import.meta.url);
writeFileSync(sortie, JSON.stringify(contours));
console.log(`${contours.features.length} contours, ${JSON.stringify(contours).length} octets.`);
