import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant, localisation } from "./colonnes.ts";

// --- Structures d'accueil (the selection issue extends this table) ---

export const structure = pgTable(
  "structure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siret: text("siret"),
    nom: text("nom").notNull(),
    typeJuridique: text("type_juridique").notNull(),
    secteur: text("secteur").notNull(),
    ...localisation(),
    reseau: text("reseau"),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    index("structure_departement_idx").on(t.departementCode),
    index("structure_region_idx").on(t.regionCode),
    index("structure_reseau_idx").on(t.reseau),
    check("structure_secteur_ck", sql`${t.secteur} in ('public', 'prive')`),
  ],
);
