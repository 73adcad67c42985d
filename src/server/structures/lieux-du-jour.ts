import { type SQL, sql } from "drizzle-orm";

/**
 * The places a conseiller works at on a day, beside their employer that day (employeur.ts): the
 * one rule behind a report's place (docs/domaine/cra.md §4), a workshop's place and the
 * orientations a conseiller receives. A subquery, to write `lieu_id in …` with SQL values or a
 * prepared statement's placeholders.
 */
export const lieuxDuConseillerLe = (conseiller: SQL, jour: SQL) =>
  sql`(select lc.lieu_id from lieu_conseiller lc where lc.conseiller_id = ${conseiller}
    and lc.debut <= ${jour} and (lc.fin is null or lc.fin >= ${jour}))`;
