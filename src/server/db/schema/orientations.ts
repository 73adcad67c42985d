import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import {
  STATUTS_ORIENTATION,
  type StatutOrientation,
  URGENCES,
} from "../../../domain/orientations/orientation.ts";
import { atelier } from "./ateliers.ts";
import { instant, liste, parmiLesCodes } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";
import { cra } from "./cra.ts";
import { lieu } from "./lieux.ts";

/**
 * A person sent to a place (docs/domaine/orientations.md). The contact is theirs, given with
 * their agreement, and erased 3 months after the orientation ends (`contactEffaceLe`); the rest
 * stays for the statistics.
 */
export const orientation = pgTable(
  "orientation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emetteurId: uuid("emetteur_id")
      .notNull()
      .references(() => utilisateur.id),
    emetteurRole: text("emetteur_role").notNull(),
    /** The sender's territory when sent, for « sent » per département; null when unknown. */
    departementEmetteur: text("departement_emetteur"),
    /** The place that receives it now: a redirection moves it. */
    lieuId: uuid("lieu_id")
      .notNull()
      .references(() => lieu.id),
    /** Addressed to one conseiller of the place: only they handle it (docs/domaine/orientations.md §2). */
    conseillerId: uuid("conseiller_id").references(() => utilisateur.id),
    thematiques: liste("thematiques"),
    urgence: text("urgence").notNull(),
    precisions: text("precisions"),
    prenom: text("prenom"),
    nom: text("nom"),
    email: text("email"),
    telephone: text("telephone"),
    statut: text("statut").$type<StatutOrientation>().notNull(),
    redirections: integer("redirections").notNull().default(0),
    motifRedirection: text("motif_redirection"),
    rendezVous: instant("rendez_vous"),
    atelierId: uuid("atelier_id").references(() => atelier.id, { onDelete: "set null" }),
    traiteePar: uuid("traitee_par").references(() => utilisateur.id),
    /** The report of the accompaniment it led to: the CRA came from this orientation. */
    craId: uuid("cra_id")
      .unique()
      .references(() => cra.id, { onDelete: "set null" }),
    creeLe: instant("cree_le").notNull(),
    modifieLe: instant("modifie_le").notNull(),
    finLe: instant("fin_le"),
    contactEffaceLe: instant("contact_efface_le"),
  },
  (t) => [
    index("orientation_lieu_idx").on(t.lieuId, t.statut),
    index("orientation_emetteur_idx").on(t.emetteurId, t.creeLe),
    index("orientation_fin_idx").on(t.finLe).where(sql`${t.contactEffaceLe} is null`),
    check("orientation_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_ORIENTATION))),
    check("orientation_urgence_ck", parmiLesCodes(t.urgence, Object.keys(URGENCES))),
    check(
      "orientation_contact_ck",
      sql`${t.contactEffaceLe} is not null or ${t.email} is not null or ${t.telephone} is not null`,
    ),
  ],
);
