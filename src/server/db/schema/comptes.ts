import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { NATURES_JETON } from "../../../domain/connexion.ts";
import type { Perimetre } from "../../../domain/perimetre.ts";
import { instant, parmiLesCodes } from "./colonnes.ts";
import { structure } from "./structures.ts";

// --- Comptes, habilitations, sessions ---

export const utilisateur = pgTable(
  "utilisateur",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    prenom: text("prenom").notNull(),
    nom: text("nom").notNull(),
    /** ProConnect subject, bound at the first ProConnect sign-in (docs/securite.md, règle 6). */
    proconnectSub: text("proconnect_sub"),
    actif: boolean("actif").notNull().default(true),
    invitationAccepteeLe: instant("invitation_acceptee_le"),
    derniereConnexionLe: instant("derniere_connexion_le"),
    /** A conseiller may appear as "Anonyme" on the public map (docs/domaine/lieux-et-carte.md §3.2). */
    nomMasqueCarte: boolean("nom_masque_carte").notNull().default(false),
    /** Daily digests the person turned off (codes of `DIGESTS`); every other one is sent. */
    digestsRefuses: text("digests_refuses").array().notNull().default(sql`'{}'`),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("utilisateur_email_uq").on(t.email),
    uniqueIndex("utilisateur_proconnect_sub_uq").on(t.proconnectSub),
  ],
);

export const habilitation = pgTable(
  "habilitation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateur.id),
    role: text("role").notNull(),
    perimetre: jsonb("perimetre").$type<Perimetre>().notNull(),
    /** Kept beside the perimeter so that a structure's accounts are a plain indexed lookup. */
    structureId: uuid("structure_id").references(() => structure.id),
    actif: boolean("actif").notNull().default(true),
    creeLe: instant("cree_le").notNull().defaultNow(),
    finLe: instant("fin_le"),
  },
  (t) => [
    index("habilitation_utilisateur_idx").on(t.utilisateurId),
    index("habilitation_structure_idx").on(t.structureId),
  ],
);

export const session = pgTable(
  "session",
  {
    /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
    idHash: text("id_hash").primaryKey(),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateur.id),
    habilitationId: uuid("habilitation_id").references(() => habilitation.id),
    /** The active habilitation's scope, resolved at sign-in or switch (docs/securite.md, règle 2). */
    perimetre: jsonb("perimetre").$type<PerimetreResolu>(),
    methode: text("methode").notNull(),
    idToken: text("id_token"),
    creeLe: instant("cree_le").notNull(),
    derniereActivite: instant("derniere_activite").notNull(),
  },
  (t) => [index("session_utilisateur_idx").on(t.utilisateurId)],
);

/**
 * A perimeter as kept in the session: a coordinator's territory resolved to its conseillers and
 * their structures, a conseiller's own structure.
 */
export type PerimetreResolu = Perimetre & { conseillerIds?: string[]; structureIds?: string[] };

export const jeton = pgTable(
  "jeton",
  {
    hash: text("hash").primaryKey(),
    nature: text("nature").notNull(),
    utilisateurId: uuid("utilisateur_id")
      .notNull()
      .references(() => utilisateur.id),
    email: text("email").notNull(),
    creeLe: instant("cree_le").notNull(),
    expireLe: instant("expire_le").notNull(),
    utiliseLe: instant("utilise_le"),
  },
  (t) => [
    index("jeton_email_idx").on(t.email, t.creeLe),
    check("jeton_nature_ck", parmiLesCodes(t.nature, NATURES_JETON)),
  ],
);

/** OIDC transactions: state and nonce stay on the server, keyed by a browser-bound cookie. */
export const transactionOidc = pgTable("transaction_oidc", {
  cleHash: text("cle_hash").primaryKey(),
  state: text("state").notNull(),
  nonce: text("nonce").notNull(),
  creeLe: instant("cree_le").notNull(),
});
