import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { STATUTS_INSCRIPTION, type StatutInscription } from "../../../domain/ateliers/atelier.ts";
import { NIVEAUX_ATELIER } from "../../../domain/cra/vocabulaire.ts";
import { instant, liste, parmiLesCodes } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";
import { cra } from "./cra.ts";
import { lieu } from "./lieux.ts";
import { structure } from "./structures.ts";

/**
 * A collective workshop announced to the public (docs/domaine/ateliers.md): one of the
 * conseiller's places, a start, a capacity. Its registrations live beside it.
 */
export const atelier = pgTable(
  "atelier",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conseillerId: uuid("conseiller_id")
      .notNull()
      .references(() => utilisateur.id),
    /** The employer when it was announced: the structure's pages list it too. */
    structureId: uuid("structure_id").references(() => structure.id),
    lieuId: uuid("lieu_id")
      .notNull()
      .references(() => lieu.id),
    titre: text("titre").notNull(),
    thematiques: liste("thematiques"),
    niveau: text("niveau").notNull(),
    debut: instant("debut").notNull(),
    dureeMinutes: integer("duree_minutes").notNull(),
    capacite: integer("capacite").notNull(),
    gratuit: boolean("gratuit").notNull(),
    accessibilite: text("accessibilite"),
    annuleLe: instant("annule_le"),
    /** The collective report made from the attendance, once. */
    craId: uuid("cra_id").references(() => cra.id, { onDelete: "set null" }),
    creeLe: instant("cree_le").notNull(),
    modifieLe: instant("modifie_le").notNull(),
  },
  (t) => [
    index("atelier_debut_idx").on(t.debut).where(sql`${t.annuleLe} is null`),
    index("atelier_lieu_idx").on(t.lieuId),
    index("atelier_conseiller_idx").on(t.conseillerId, t.debut),
    check("atelier_niveau_ck", parmiLesCodes(t.niveau, Object.keys(NIVEAUX_ATELIER))),
    check("atelier_duree_ck", sql`${t.dureeMinutes} between 15 and 480`),
    check("atelier_capacite_ck", sql`${t.capacite} between 1 and 100`),
  ],
);

/**
 * Someone registered to a workshop, without an account: only what reminding them needs, deleted
 * 30 days after the workshop. `rang` orders the waiting list (first come, first promoted).
 */
export const inscriptionAtelier = pgTable(
  "inscription_atelier",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    atelierId: uuid("atelier_id")
      .notNull()
      .references(() => atelier.id, { onDelete: "cascade" }),
    prenom: text("prenom").notNull(),
    email: text("email"),
    telephone: text("telephone"),
    statut: text("statut").$type<StatutInscription>().notNull(),
    rang: integer("rang").generatedAlwaysAsIdentity(),
    /** SHA-256 of the link's secret that cancels this registration: the link alone can. */
    jetonHash: text("jeton_hash").notNull().unique(),
    present: boolean("present"),
    rappelLe: instant("rappel_le"),
    creeLe: instant("cree_le").notNull(),
    annuleLe: instant("annule_le"),
  },
  (t) => [
    index("inscription_atelier_atelier_idx").on(t.atelierId, t.statut, t.rang),
    check(
      "inscription_atelier_statut_ck",
      parmiLesCodes(t.statut, Object.keys(STATUTS_INSCRIPTION)),
    ),
    check(
      "inscription_atelier_contact_ck",
      sql`${t.email} is not null or ${t.telephone} is not null`,
    ),
  ],
);
