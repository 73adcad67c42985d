import { doublePrecision, index, integer, pgTable, text } from "drizzle-orm/pg-core";

// --- Référentiel administratif (@etalab/decoupage-administratif) ---

export const region = pgTable("region", {
  code: text("code").primaryKey(),
  nom: text("nom").notNull(),
  zone: text("zone").notNull(),
});

export const departement = pgTable("departement", {
  code: text("code").primaryKey(),
  nom: text("nom").notNull(),
  regionCode: text("region_code")
    .notNull()
    .references(() => region.code),
  zone: text("zone").notNull(),
});

/** Arrondissements: the préfet's dashboard breaks a département down by them. */
export const arrondissement = pgTable("arrondissement", {
  code: text("code").primaryKey(),
  nom: text("nom").notNull(),
  departementCode: text("departement_code")
    .notNull()
    .references(() => departement.code),
});

export const commune = pgTable(
  "commune",
  {
    code: text("code").primaryKey(),
    nom: text("nom").notNull(),
    type: text("type").notNull(),
    departementCode: text("departement_code")
      .notNull()
      .references(() => departement.code),
    regionCode: text("region_code")
      .notNull()
      .references(() => region.code),
    arrondissementCode: text("arrondissement_code").references(() => arrondissement.code),
    codesPostaux: text("codes_postaux").array().notNull(),
    population: integer("population"),
    /** A point inside the commune (docs/donnees-geographiques.md); null where none is known. */
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** The name as search and imports compare it (`nomCommuneNormalise`). */
    nomNormalise: text("nom_normalise").notNull().default(""),
    /** A municipal arrondissement's commune (Paris, Lyon, Marseille). */
    parentCode: text("parent_code"),
  },
  (t) => [index("commune_departement_idx").on(t.departementCode)],
);
