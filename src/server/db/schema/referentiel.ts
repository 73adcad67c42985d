import { index, integer, pgTable, text } from "drizzle-orm/pg-core";

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
  },
  (t) => [index("commune_departement_idx").on(t.departementCode)],
);
