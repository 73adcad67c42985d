import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { NATURES_VERSEMENT, type NatureVersement } from "../../../domain/financement/versement.ts";
import { instant, parmiLesCodes } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";
import { poste } from "./selection.ts";
import { structure } from "./structures.ts";

/**
 * A payment of the State's subsidy, or its correction: lines are never changed nor deleted; a
 * correction is a new line (negative to take back) pointing to the line it corrects.
 */
export const versement = pgTable(
  "versement",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    posteId: uuid("poste_id").references(() => poste.id),
    nature: text("nature").$type<NatureVersement>().notNull(),
    montantCents: integer("montant_cents").notNull(),
    date: date("date").notNull(),
    reference: text("reference").notNull(),
    corrigeId: uuid("corrige_id").references((): AnyPgColumn => versement.id),
    motif: text("motif"),
    creePar: uuid("cree_par").references(() => utilisateur.id),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    index("versement_poste_idx").on(t.posteId),
    index("versement_structure_idx").on(t.structureId),
    check("versement_nature_ck", parmiLesCodes(t.nature, NATURES_VERSEMENT)),
    check("versement_montant_ck", sql`${t.montantCents} <> 0`),
    check("versement_correction_ck", sql`${t.corrigeId} is null or ${t.nature} = 'regularisation'`),
  ],
);

/** How payments are scheduled, dated: the financeur changes it without a release (one place). */
export const regleVersement = pgTable("regle_versement", {
  id: uuid("id").primaryKey().defaultRandom(),
  applicableDu: date("applicable_du").notNull(),
  avancePourcent: integer("avance_pourcent").notNull(),
  periodeMois: integer("periode_mois").notNull(),
});
