import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { Genre, StatutSocial } from "../../../domain/beneficiaires/beneficiaire.ts";
import { GENRES, STATUTS_SOCIAUX } from "../../../domain/cra/vocabulaire.ts";
import { instant, parmiLesCodes } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";
import { cra } from "./cra.ts";
import { commune } from "./referentiel.ts";
import { structure } from "./structures.ts";

/**
 * A person a conseiller follows, recorded with their agreement (docs/domaine/beneficiaires.md):
 * who recorded them, the employer then (the colleagues the person may agree to share with), and
 * when and by whom the person was told what the data is for.
 */
export const beneficiaire = pgTable(
  "beneficiaire",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conseillerId: uuid("conseiller_id")
      .notNull()
      .references(() => utilisateur.id),
    structureId: uuid("structure_id").references(() => structure.id),
    prenom: text("prenom"),
    nom: text("nom").notNull(),
    /** First and last name without accents, case or punctuation: what duplicates are sought by. */
    nomNormalise: text("nom_normalise").notNull().default(""),
    anneeNaissance: integer("annee_naissance"),
    communeCode: text("commune_code").references(() => commune.code),
    telephone: text("telephone"),
    sansTelephone: boolean("sans_telephone").notNull().default(false),
    email: text("email"),
    genre: text("genre").$type<Genre>(),
    statut: text("statut").$type<StatutSocial>(),
    notes: text("notes"),
    informeLe: instant("informe_le").notNull(),
    informePar: uuid("informe_par")
      .notNull()
      .references(() => utilisateur.id),
    partageStructure: boolean("partage_structure").notNull().default(false),
    creeLe: instant("cree_le").notNull().defaultNow(),
    modifieLe: instant("modifie_le").notNull().defaultNow(),
  },
  (t) => [
    index("beneficiaire_conseiller_idx").on(t.conseillerId),
    // The daily retention pass only reads persons recorded more than 23 months ago.
    index("beneficiaire_cree_le_idx").on(t.creeLe),
    // Duplicates are sought among the persons one may read (ADR 025): the reader's key and the
    // name's trigrams in one GiST index each, so that a structure sharing tens of thousands of
    // files is not read row by row, and a name common in the country is not either.
    index("beneficiaire_conseiller_nom_trgm_idx").using(
      "gist",
      t.conseillerId,
      t.nomNormalise.op("gist_trgm_ops"),
    ),
    // The same phone or e-mail is sought across the country, then narrowed to the reader's.
    index("beneficiaire_telephone_idx").on(t.telephone).where(sql`${t.telephone} is not null`),
    index("beneficiaire_email_idx").on(t.email).where(sql`${t.email} is not null`),
    index("beneficiaire_structure_nom_trgm_idx")
      .using("gist", t.structureId, t.nomNormalise.op("gist_trgm_ops"))
      .where(sql`${t.partageStructure}`),
    index("beneficiaire_structure_idx").on(t.structureId).where(sql`${t.partageStructure}`),
    check(
      "beneficiaire_genre_ck",
      sql`${t.genre} is null or ${parmiLesCodes(t.genre, Object.keys(GENRES))}`,
    ),
    check(
      "beneficiaire_statut_ck",
      sql`${t.statut} is null or ${parmiLesCodes(t.statut, Object.keys(STATUTS_SOCIAUX))}`,
    ),
    check(
      "beneficiaire_telephone_ck",
      sql`not (${t.sansTelephone} and ${t.telephone} is not null)`,
    ),
  ],
);

/**
 * The followed persons a report names (docs/domaine/beneficiaires.md §4). Deleting the person
 * deletes the link only: the report stays, anonymous, with the counts it had.
 */
export const craBeneficiaire = pgTable(
  "cra_beneficiaire",
  {
    craId: uuid("cra_id")
      .notNull()
      .references(() => cra.id, { onDelete: "cascade" }),
    beneficiaireId: uuid("beneficiaire_id")
      .notNull()
      .references(() => beneficiaire.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.craId, t.beneficiaireId] }),
    // A person's timeline and merge read by the person.
    index("cra_beneficiaire_beneficiaire_idx").on(t.beneficiaireId),
  ],
);
