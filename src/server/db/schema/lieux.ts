import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { NATURES_LIEU, type NatureLieu } from "../../../domain/lieux/lieu.ts";
import { instant, liste, localisation, parmiLesCodes, point } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";

// --- Lieux de médiation numérique (standard national v1.0.2) et lieux d'activité ---

/**
 * One row per place, in the national standard's fields (multi-valued ones as arrays; `|` only at
 * the open-data boundary). Two conseillers working in the same place share this row.
 */
export const lieu = pgTable(
  "lieu",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pivot: text("pivot").notNull(),
    nom: text("nom").notNull(),
    adresse: text("adresse").notNull(),
    complementAdresse: text("complement_adresse"),
    codePostal: text("code_postal").notNull(),
    ...localisation(),
    ...point(),
    typologies: liste("typologies"),
    telephone: text("telephone"),
    courriels: liste("courriels"),
    sitesWeb: liste("sites_web"),
    horaires: text("horaires"),
    presentationResume: text("presentation_resume"),
    presentationDetail: text("presentation_detail"),
    source: text("source"),
    itinerance: liste("itinerance"),
    structureParente: text("structure_parente"),
    services: liste("services"),
    publicsSpecifiquementAdresses: liste("publics_specifiquement_adresses"),
    priseEnChargeSpecifique: liste("prise_en_charge_specifique"),
    fraisACharge: liste("frais_a_charge"),
    dispositifProgrammesNationaux: liste("dispositif_programmes_nationaux"),
    formationsLabels: liste("formations_labels"),
    autresFormationsLabels: liste("autres_formations_labels"),
    modalitesAcces: liste("modalites_acces"),
    modalitesAccompagnement: liste("modalites_accompagnement"),
    ficheAccesLibre: text("fiche_acces_libre"),
    priseRdv: text("prise_rdv"),
    visibleCarte: boolean("visible_carte").notNull().default(true),
    dateMaj: date("date_maj").notNull(),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    index("lieu_commune_idx").on(t.communeCode),
    index("lieu_departement_idx").on(t.departementCode),
    index("lieu_pivot_idx").on(t.pivot),
  ],
);

/**
 * Each producer's identifier of a place (the standard's `id`, within its `source`): importing
 * the same file again, or a newer export of the same source, updates the same place.
 */
export const lieuIdentifiantSource = pgTable(
  "lieu_identifiant_source",
  {
    source: text("source").notNull(),
    idSource: text("id_source").notNull(),
    lieuId: uuid("lieu_id")
      .notNull()
      .references(() => lieu.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.idSource] }),
    index("lieu_identifiant_source_lieu_idx").on(t.lieuId),
  ],
);

/** Where a conseiller works: one main place, secondary places, places visited on rounds. */
export const lieuConseiller = pgTable(
  "lieu_conseiller",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lieuId: uuid("lieu_id")
      .notNull()
      .references(() => lieu.id),
    conseillerId: uuid("conseiller_id")
      .notNull()
      .references(() => utilisateur.id),
    nature: text("nature").$type<NatureLieu>().notNull(),
    debut: date("debut").notNull(),
    fin: date("fin"),
  },
  (t) => [
    index("lieu_conseiller_conseiller_idx").on(t.conseillerId),
    index("lieu_conseiller_lieu_idx").on(t.lieuId),
    check("lieu_conseiller_nature_ck", parmiLesCodes(t.nature, Object.keys(NATURES_LIEU))),
    // At most one current main place per conseiller.
    uniqueIndex("lieu_conseiller_principal_uq")
      .on(t.conseillerId)
      .where(sql`${t.nature} = 'principal' and ${t.fin} is null`),
  ],
);

/** "Report an error" on a place's public page: kept until someone who manages it deals with it. */
export const signalementLieu = pgTable("signalement_lieu", {
  id: uuid("id").primaryKey().defaultRandom(),
  lieuId: uuid("lieu_id")
    .notNull()
    .references(() => lieu.id),
  message: text("message").notNull(),
  courriel: text("courriel"),
  creeLe: instant("cree_le").notNull().defaultNow(),
  traiteLe: instant("traite_le"),
});
