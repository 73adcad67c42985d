import { date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./colonnes.ts";
import { habilitation, utilisateur } from "./comptes.ts";

/**
 * A public, read-only link to statistics (docs/domaine/statistiques-et-opendata.md §7): only the
 * token's fingerprint is kept; the scope is the habilitation's, read again at every visit.
 */
export const lienPartage = pgTable(
  "lien_partage",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jetonHash: text("jeton_hash").notNull().unique(),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateur.id, { onDelete: "cascade" }),
    habilitationId: uuid("habilitation_id")
      .notNull()
      .references(() => habilitation.id, { onDelete: "cascade" }),
    titre: text("titre").notNull(),
    du: date("du").notNull(),
    au: date("au").notNull(),
    expireLe: date("expire_le"),
    creeLe: instant("cree_le").notNull(),
    revoqueLe: instant("revoque_le"),
  },
  (t) => [index("lien_partage_utilisateur_idx").on(t.utilisateurId)],
);
