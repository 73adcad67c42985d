import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { STATUTS_MEMBRE, type StatutMembre } from "../../../domain/coordination/equipe.ts";
import { instant, parmiLesCodes } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";

/**
 * A conseiller in a coordinator's team (docs/domaine/coordination.md §4), from the invitation
 * (by e-mail, the account found now or when it signs in) to the archive.
 */
export const membreEquipe = pgTable(
  "membre_equipe",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coordinateurId: uuid("coordinateur_id")
      .notNull()
      .references(() => utilisateur.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    conseillerId: uuid("conseiller_id").references(() => utilisateur.id, { onDelete: "cascade" }),
    statut: text("statut").$type<StatutMembre>().notNull(),
    inviteLe: instant("invite_le").notNull(),
    relanceLe: instant("relance_le"),
    accepteLe: instant("accepte_le"),
    archiveLe: instant("archive_le"),
  },
  (t) => [
    // One live invitation or membership per person and coordinator; the archive keeps history.
    uniqueIndex("membre_equipe_vivant_uq")
      .on(t.coordinateurId, t.email)
      .where(sql`${t.statut} <> 'archive'`),
    index("membre_equipe_email_idx").on(t.email),
    check("membre_equipe_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_MEMBRE))),
  ],
);
