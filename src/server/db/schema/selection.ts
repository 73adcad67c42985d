import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { STATUTS_POSTE } from "../../../domain/espaces.ts";
import { STATUTS_AMI, type StatutAmi } from "../../../domain/selection/ami.ts";
import {
  NATURES_DEMANDE,
  type NatureDemande,
  STATUTS_DEMANDE,
  type StatutDemande,
} from "../../../domain/selection/demande-postes.ts";
import {
  AVIS_PREFET,
  type AvisPrefet,
  ISSUES_DECISION,
  type IssueDecision,
} from "../../../domain/selection/instruction.ts";
import type { TypeJuridique } from "../../../domain/selection/structure.ts";
import { instant, parmiLesCodes } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";
import { structure } from "./structures.ts";

/** A call for applications (AMI). */
export const ami = pgTable(
  "ami",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    titre: text("titre").notNull(),
    ouverture: date("ouverture").notNull(),
    cloture: date("cloture"),
    typesEligibles: text("types_eligibles").array().$type<TypeJuridique[]>().notNull(),
    statut: text("statut").$type<StatutAmi>().notNull().default("brouillon"),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [check("ami_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_AMI)))],
);

/** A numbered national selection committee (COSELEC). */
export const sessionComite = pgTable("session_comite", {
  id: uuid("id").primaryKey().defaultRandom(),
  numero: integer("numero").notNull().unique(),
  date: date("date").notNull(),
  creeLe: instant("cree_le").notNull().defaultNow(),
});

/** Any request about posts: first application, avenant (ajout, retrait), coordinator post. */
export const demandePostes = pgTable(
  "demande_postes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    amiId: uuid("ami_id").references(() => ami.id),
    nature: text("nature").$type<NatureDemande>().notNull(),
    statut: text("statut").$type<StatutDemande>().notNull(),
    postesDemandes: integer("postes_demandes").notNull(),
    dateDebutSouhaitee: date("date_debut_souhaitee"),
    motivation: text("motivation"),
    coordinateur: text("coordinateur").notNull().default("non"),
    motif: text("motif"),
    /** Agenda: the committee session the request is put before. */
    sessionComiteId: uuid("session_comite_id").references(() => sessionComite.id),
    confirmationHash: text("confirmation_hash"),
    confirmationExpireLe: instant("confirmation_expire_le"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    modifieLe: instant("modifie_le").notNull().defaultNow(),
  },
  (t) => [
    index("demande_postes_structure_idx").on(t.structureId),
    index("demande_postes_statut_idx").on(t.statut),
    uniqueIndex("demande_postes_confirmation_uq").on(t.confirmationHash),
    // A structure applies once to a call (a cancelled application does not count).
    uniqueIndex("demande_postes_ami_uq")
      .on(t.structureId, t.amiId)
      .where(sql`${t.nature} = 'initiale' and ${t.statut} <> 'annulee'`),
    check("demande_postes_nature_ck", parmiLesCodes(t.nature, Object.keys(NATURES_DEMANDE))),
    check("demande_postes_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_DEMANDE))),
    check("demande_postes_postes_ck", sql`${t.postesDemandes} >= 1`),
  ],
);

/** A préfet's opinion; each revision is a new row, the last one counts. */
export const avisPrefet = pgTable(
  "avis_prefet",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    demandeId: uuid("demande_id")
      .notNull()
      .references(() => demandePostes.id),
    avis: text("avis").$type<AvisPrefet>().notNull(),
    commentaire: text("commentaire").notNull(),
    structureTransfertId: uuid("structure_transfert_id").references(() => structure.id),
    auteurId: uuid("auteur_id")
      .notNull()
      .references(() => utilisateur.id),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    index("avis_prefet_demande_idx").on(t.demandeId, t.creeLe),
    check("avis_prefet_avis_ck", parmiLesCodes(t.avis, AVIS_PREFET)),
  ],
);

/** The committee's decision on one request. */
export const decisionComite = pgTable(
  "decision_comite",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    demandeId: uuid("demande_id")
      .notNull()
      .references(() => demandePostes.id),
    sessionComiteId: uuid("session_comite_id").references(() => sessionComite.id),
    issue: text("issue").$type<IssueDecision>().notNull(),
    postesAccordes: integer("postes_accordes").notNull().default(0),
    auteurId: uuid("auteur_id").references(() => utilisateur.id),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    index("decision_comite_demande_idx").on(t.demandeId),
    check("decision_comite_issue_ck", parmiLesCodes(t.issue, Object.keys(ISSUES_DECISION))),
  ],
);

/**
 * The subsidy rules, dated: a post takes the rule in force at its attribution and keeps it.
 * An empty list of territories means every territory not named by a more specific rule.
 */
export const regleSubvention = pgTable("regle_subvention", {
  id: uuid("id").primaryKey().defaultRandom(),
  secteur: text("secteur").notNull(),
  territoires: text("territoires").array().notNull().default(sql`'{}'`),
  phase: integer("phase").notNull().default(1),
  montantCents: integer("montant_cents").notNull(),
  dureeMois: integer("duree_mois").notNull(),
  applicableDu: date("applicable_du").notNull(),
  applicableAu: date("applicable_au"),
});

/** One funded position, created by an accepted decision. */
export const poste = pgTable(
  "poste",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisionComite.id),
    coordinateur: boolean("coordinateur").notNull().default(false),
    secteur: text("secteur").notNull(),
    regleSubventionId: uuid("regle_subvention_id").references(() => regleSubvention.id),
    plafondCents: integer("plafond_cents").notNull(),
    dureeMois: integer("duree_mois").notNull(),
    dateAttribution: date("date_attribution").notNull(),
    dateLimiteRecrutement: date("date_limite_recrutement").notNull(),
    statut: text("statut").notNull().default("vacant"),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    index("poste_structure_idx").on(t.structureId),
    check("poste_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_POSTE))),
  ],
);
