import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import {
  MODALITES_FORMATION,
  STATUTS_CERTIFICATION,
  STATUTS_FORMATION,
  type StatutCertification,
  type StatutFormation,
  TYPES_CERTIFICATION,
  type TypeCertification,
} from "../../../domain/recrutement/formation.ts";
import { instant, liste, parmiLesCodes } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";
import { contrat } from "./recrutement.ts";

/** Training providers, a referential the admin edits (docs/domaine/formation.md §1). */
export const organismeFormation = pgTable("organisme_formation", {
  id: uuid("id").primaryKey().defaultRandom(),
  nom: text("nom").notNull().unique(),
  siret: text("siret"),
  regions: liste("regions"),
  modalite: text("modalite").notNull(),
  contact: text("contact"),
});

/** The initial training of one person, opened by the contract that triggered it. */
export const formation = pgTable(
  "formation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contratId: uuid("contrat_id")
      .notNull()
      .unique()
      .references(() => contrat.id),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateur.id),
    organismeFormationId: uuid("organisme_formation_id").references(() => organismeFormation.id),
    modalite: text("modalite"),
    statut: text("statut").$type<StatutFormation>().notNull(),
    dateInscription: date("date_inscription"),
    datePositionnement: date("date_positionnement"),
    parcoursHeures: integer("parcours_heures"),
    dateDebutPrevue: date("date_debut_prevue"),
    dateFinPrevue: date("date_fin_prevue"),
    dateDebutReelle: date("date_debut_reelle"),
    dateFinReelle: date("date_fin_reelle"),
    heuresRealisees: integer("heures_realisees").notNull().default(0),
    motif: text("motif"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    modifieLe: instant("modifie_le").notNull().defaultNow(),
  },
  (t) => [
    index("formation_utilisateur_idx").on(t.utilisateurId),
    check("formation_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_FORMATION))),
    check(
      "formation_modalite_ck",
      sql`${t.modalite} is null or ${parmiLesCodes(t.modalite, Object.keys(MODALITES_FORMATION))}`,
    ),
    check(
      "formation_dates_prevues_ck",
      sql`${t.dateFinPrevue} is null or ${t.dateDebutPrevue} is null or ${t.dateFinPrevue} >= ${t.dateDebutPrevue}`,
    ),
    check(
      "formation_heures_ck",
      sql`${t.heuresRealisees} >= 0 and (${t.parcoursHeures} is null or ${t.heuresRealisees} <= ${t.parcoursHeures})`,
    ),
  ],
);

/** One exam attempt (CCP1 or Pix); a new attempt is a new row. */
export const certification = pgTable(
  "certification",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateur.id),
    type: text("type").$type<TypeCertification>().notNull(),
    statut: text("statut").$type<StatutCertification>().notNull(),
    dateExamen: date("date_examen"),
    niveauxPix: jsonb("niveaux_pix").$type<Record<string, number>>(),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    index("certification_utilisateur_idx").on(t.utilisateurId, t.type, t.creeLe),
    check("certification_type_ck", parmiLesCodes(t.type, TYPES_CERTIFICATION)),
    check("certification_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_CERTIFICATION))),
  ],
);
