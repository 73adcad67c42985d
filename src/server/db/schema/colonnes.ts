import { type AnyColumn, sql } from "drizzle-orm";
import { boolean, customType, doublePrecision, text, timestamp } from "drizzle-orm/pg-core";
import { commune, departement, region } from "./referentiel.ts";

/** Binary data: encrypted files and mail bodies. */
export const octets = customType<{ data: Buffer }>({ dataType: () => "bytea" });
export const instant = (nom: string) => timestamp(nom, { withTimezone: true, mode: "date" });
/** A multi-valued field: an array, empty rather than null. */
export const liste = (nom: string) => text(nom).array().notNull().default(sql`'{}'`);

/** Where a row stands: its commune, and the département and région it belongs to, for scoping. */
export const localisation = () => ({
  communeCode: text("commune_code")
    .notNull()
    .references(() => commune.code),
  departementCode: text("departement_code")
    .notNull()
    .references(() => departement.code),
  regionCode: text("region_code")
    .notNull()
    .references(() => region.code),
});

/**
 * A row's WGS84 point: its address's, from the national address base when it answered, else its
 * commune's own point, then marked approximate (and refined by the localisation job later).
 */
export const point = () => ({
  latitude: doublePrecision("latitude"),
  longitude: doublePrecision("longitude"),
  positionApproximative: boolean("position_approximative").notNull().default(false),
});

/**
 * A CHECK that a text column holds one of the domain's codes, written from the same list the
 * domain validates with: one list, two guards.
 */
export const parmiLesCodes = (colonne: AnyColumn, codes: readonly string[]) =>
  sql`${colonne} in (${sql.raw(codes.map((c) => `'${c.replaceAll("'", "''")}'`).join(", "))})`;
