import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  type Situation,
  STATUTS_CANDIDATURE,
  type StatutCandidature,
} from "../../../domain/recrutement/candidature.ts";
import {
  MOTIFS_FIN_CONTRAT,
  STATUTS_CONTRAT,
  type StatutContrat,
  TYPES_CONTRAT,
  type TypeContrat,
} from "../../../domain/recrutement/contrat.ts";
import {
  ORIGINES_MISE_EN_RELATION,
  STATUTS_MISE_EN_RELATION,
  type StatutMiseEnRelation,
} from "../../../domain/recrutement/mise-en-relation.ts";
import {
  MOTIFS_RUPTURE,
  STATUTS_PROLONGATION,
  STATUTS_RUPTURE,
  type StatutProlongation,
  type StatutRupture,
} from "../../../domain/recrutement/rupture.ts";
import { instant, liste, octets, parmiLesCodes, point } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";
import { commune, departement, region } from "./referentiel.ts";
import { poste } from "./selection.ts";
import { structure } from "./structures.ts";

/**
 * A person's application to be a conseiller; the person is the `utilisateur` row (one per
 * e-mail). The whole application is erased on deletion, only the row's status and dates remain.
 */
export const candidature = pgTable(
  "candidature",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    utilisateurId: uuid("utilisateur_id").references(() => utilisateur.id),
    statut: text("statut").$type<StatutCandidature>().notNull(),
    telephone: text("telephone"),
    /** Erased with the rest on deletion; département and région stay for anonymous counts. */
    communeCode: text("commune_code").references(() => commune.code),
    departementCode: text("departement_code")
      .notNull()
      .references(() => departement.code),
    regionCode: text("region_code")
      .notNull()
      .references(() => region.code),
    ...point(),
    situations: liste("situations").$type<Situation[]>(),
    diplome: text("diplome"),
    dateDisponibilite: date("date_disponibilite").notNull(),
    distanceMaxKm: integer("distance_max_km").notNull(),
    motivation: text("motivation"),
    /** Pix levels shared by the candidate, per competence code (docs/domaine/formation.md §2). */
    pix: jsonb("pix").$type<Record<string, number>>(),
    /** A re-application waits here until the e-mail is confirmed, then replaces the fields. */
    modificationEnAttente: jsonb("modification_en_attente").$type<Record<string, unknown>>(),
    confirmationHash: text("confirmation_hash"),
    confirmationExpireLe: instant("confirmation_expire_le"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    modifieLe: instant("modifie_le").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("candidature_utilisateur_uq").on(t.utilisateurId),
    uniqueIndex("candidature_confirmation_uq").on(t.confirmationHash),
    index("candidature_statut_idx").on(t.statut),
    check("candidature_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_CANDIDATURE))),
    check("candidature_distance_ck", sql`${t.distanceMaxKm} in (5, 10, 15, 20, 40, 100, 2000)`),
  ],
);

/**
 * A CV, encrypted at rest, removed six months after upload. A re-application's CV waits
 * (`en_attente`) until the e-mail is confirmed, like the rest of the submission.
 */
export const cv = pgTable(
  "cv",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidatureId: uuid("candidature_id")
      .notNull()
      .references(() => candidature.id, { onDelete: "cascade" }),
    enAttente: boolean("en_attente").notNull().default(false),
    nom: text("nom").notNull(),
    taille: integer("taille").notNull(),
    contenuChiffre: octets("contenu_chiffre").notNull(),
    deposeLe: instant("depose_le").notNull(),
    expireLe: instant("expire_le").notNull(),
  },
  (t) => [uniqueIndex("cv_candidature_uq").on(t.candidatureId, t.enAttente)],
);

/** A structure considering a candidate. */
export const miseEnRelation = pgTable(
  "mise_en_relation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    candidatureId: uuid("candidature_id")
      .notNull()
      .references(() => candidature.id),
    origine: text("origine").notNull(),
    statut: text("statut").$type<StatutMiseEnRelation>().notNull(),
    distanceM: integer("distance_m"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    modifieLe: instant("modifie_le").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("mise_en_relation_uq").on(t.structureId, t.candidatureId),
    index("mise_en_relation_candidature_idx").on(t.candidatureId),
    check("mise_en_relation_origine_ck", parmiLesCodes(t.origine, ORIGINES_MISE_EN_RELATION)),
    check(
      "mise_en_relation_statut_ck",
      parmiLesCodes(t.statut, Object.keys(STATUTS_MISE_EN_RELATION)),
    ),
  ],
);

/** An employment contract on one post. */
export const contrat = pgTable(
  "contrat",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateur.id),
    candidatureId: uuid("candidature_id")
      .notNull()
      .references(() => candidature.id),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structure.id),
    posteId: uuid("poste_id")
      .notNull()
      .references(() => poste.id),
    miseEnRelationId: uuid("mise_en_relation_id").references(() => miseEnRelation.id),
    renouvelleContratId: uuid("renouvelle_contrat_id"),
    type: text("type").$type<TypeContrat>().notNull(),
    dateDebut: date("date_debut").notNull(),
    dateFin: date("date_fin"),
    salaireBrutMensuelCents: integer("salaire_brut_mensuel_cents").notNull(),
    heuresHebdo: integer("heures_hebdo").notNull(),
    coordinateur: boolean("coordinateur").notNull().default(false),
    dateDeclaration: date("date_declaration").notNull(),
    dateLimiteSignature: date("date_limite_signature").notNull(),
    dateSignature: date("date_signature"),
    statut: text("statut").$type<StatutContrat>().notNull(),
    motifRefus: text("motif_refus"),
    motifFin: text("motif_fin"),
    dateFinEffective: date("date_fin_effective"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    modifieLe: instant("modifie_le").notNull().defaultNow(),
  },
  (t) => [
    index("contrat_structure_idx").on(t.structureId),
    index("contrat_utilisateur_idx").on(t.utilisateurId),
    // Dashboards and the ledger read every contract of a post, ended ones included.
    index("contrat_poste_idx").on(t.posteId),
    // Quota: a post holds at most one active contract and one declared one (a renewal).
    uniqueIndex("contrat_poste_actif_uq").on(t.posteId).where(sql`${t.statut} = 'actif'`),
    uniqueIndex("contrat_poste_declare_uq").on(t.posteId).where(sql`${t.statut} = 'declare'`),
    // One active contract per person at a time.
    uniqueIndex("contrat_personne_actif_uq").on(t.utilisateurId).where(sql`${t.statut} = 'actif'`),
    check("contrat_type_ck", parmiLesCodes(t.type, Object.keys(TYPES_CONTRAT))),
    check("contrat_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_CONTRAT))),
    check(
      "contrat_motif_fin_ck",
      sql`${t.motifFin} is null or ${parmiLesCodes(t.motifFin, MOTIFS_FIN_CONTRAT)}`,
    ),
    check("contrat_dates_ck", sql`${t.dateFin} is null or ${t.dateFin} > ${t.dateDebut}`),
    check("contrat_fin_cdi_ck", sql`${t.type} = 'cdi' or ${t.dateFin} is not null`),
  ],
);

/** An early termination of a contract. */
export const rupture = pgTable(
  "rupture",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contratId: uuid("contrat_id")
      .notNull()
      .references(() => contrat.id),
    dateRupture: date("date_rupture").notNull(),
    motif: text("motif").notNull(),
    documents: liste("documents"),
    statut: text("statut").$type<StatutRupture>().notNull(),
    commentaire: text("commentaire"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    modifieLe: instant("modifie_le").notNull().defaultNow(),
  },
  (t) => [
    index("rupture_contrat_idx").on(t.contratId),
    uniqueIndex("rupture_en_cours_uq")
      .on(t.contratId)
      .where(sql`${t.statut} in ('declaree', 'incomplete')`),
    check("rupture_motif_ck", parmiLesCodes(t.motif, Object.keys(MOTIFS_RUPTURE))),
    check("rupture_statut_ck", parmiLesCodes(t.statut, Object.keys(STATUTS_RUPTURE))),
  ],
);

/** A request to extend an active contract. */
export const demandeProlongation = pgTable(
  "demande_prolongation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contratId: uuid("contrat_id")
      .notNull()
      .references(() => contrat.id),
    nouvelleDateFin: date("nouvelle_date_fin").notNull(),
    salaireBrutMensuelCents: integer("salaire_brut_mensuel_cents"),
    statut: text("statut").$type<StatutProlongation>().notNull(),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("demande_prolongation_en_cours_uq")
      .on(t.contratId)
      .where(sql`${t.statut} = 'deposee'`),
    check(
      "demande_prolongation_statut_ck",
      parmiLesCodes(t.statut, Object.keys(STATUTS_PROLONGATION)),
    ),
  ],
);

/**
 * One reminder sent for one deadline at one level: the unique key makes the reminder job
 * idempotent and lets several instances run it without sending twice.
 */
export const rappel = pgTable(
  "rappel",
  {
    nature: text("nature").notNull(),
    cibleId: uuid("cible_id").notNull(),
    echeance: date("echeance").notNull(),
    niveau: text("niveau").notNull(),
    envoyeLe: instant("envoye_le").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("rappel_uq").on(t.nature, t.cibleId, t.echeance, t.niveau)],
);
