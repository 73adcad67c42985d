import { date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { COLONNES_COMPTEURS } from "../../../domain/cra/compteurs.ts";
import { utilisateur } from "./comptes.ts";
import { departement } from "./referentiel.ts";
import { structure } from "./structures.ts";

/** One integer column per counter of the statistics, all starting at zero. */
const compteurs = () =>
  Object.fromEntries(COLONNES_COMPTEURS.map((c) => [c, integer(c).notNull().default(0)])) as Record<
    string,
    ReturnType<typeof integer>
  >;

/**
 * Roll-ups of the activity reports per conseiller, employer and day; per département and day.
 * Each CRA (create, edit, delete) writes its counters to `stat_attente` in its transaction and
 * a job folds them in here; statistics read both, never the raw reports
 * (statistiques-et-opendata.md §2.3, ADR 008 and 010).
 */
export const statConseillerJour = pgTable(
  "stat_conseiller_jour",
  {
    conseillerId: uuid("conseiller_id")
      .notNull()
      .references(() => utilisateur.id),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    jour: date("jour").notNull(),
    ...compteurs(),
  },
  (t) => [
    primaryKey({ columns: [t.conseillerId, t.structureId, t.jour] }),
    index("stat_conseiller_jour_structure_idx").on(t.structureId, t.jour),
  ],
);

export const statDepartementJour = pgTable(
  "stat_departement_jour",
  {
    departementCode: text("departement_code")
      .notNull()
      .references(() => departement.code),
    jour: date("jour").notNull(),
    ...compteurs(),
  },
  (t) => [primaryKey({ columns: [t.departementCode, t.jour] })],
);

/**
 * The same counters per département and calendar month (first day of the month): a national
 * year is 101 × 12 rows instead of 101 × 365 (ADR 008).
 */
export const statDepartementMois = pgTable(
  "stat_departement_mois",
  {
    departementCode: text("departement_code")
      .notNull()
      .references(() => departement.code),
    mois: date("mois").notNull(),
    ...compteurs(),
  },
  (t) => [primaryKey({ columns: [t.departementCode, t.mois] })],
);

/**
 * Counters a report adds (or, negative, takes back) that are not yet folded into the three
 * roll-ups above: each CRA writes one row here in its own transaction, a job folds them every
 * few seconds, and statistics read the roll-ups plus these rows (ADR 010). Insert-only between
 * folds: no key, no index, no foreign key, so that fifty writers never wait on each other.
 */
export const statAttente = pgTable("stat_attente", {
  conseillerId: uuid("conseiller_id").notNull(),
  structureId: uuid("structure_id"),
  departementCode: text("departement_code"),
  jour: date("jour").notNull(),
  ...compteurs(),
});
