import { bigint, pgTable, text } from "drizzle-orm/pg-core";

/**
 * A version number per family of figures, raised by triggers on the tables they are computed
 * from (migration 0026): an instance keeps a computed answer while the version it was computed
 * at is still the current one, so every instance sees a change at its next read.
 */
export const versionDonnees = pgTable("version_donnees", {
  nom: text("nom").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
