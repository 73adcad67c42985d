import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { STATUTS_COURRIEL, type StatutCourriel } from "../../../domain/notifications/courriels.ts";
import { instant, octets, parmiLesCodes } from "./colonnes.ts";

// --- Journal, accès, courriels ---

export const journal = pgTable(
  "journal",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    le: instant("le").notNull().defaultNow(),
    utilisateurId: uuid("utilisateur_id"),
    habilitationId: uuid("habilitation_id"),
    role: text("role"),
    /** `utilisateur`, `job:<nom>` or `import:<fichier>`. */
    auteur: text("auteur").notNull(),
    action: text("action").notNull(),
    cibleType: text("cible_type").notNull(),
    cibleId: text("cible_id").notNull(),
    avant: jsonb("avant"),
    apres: jsonb("apres"),
    requeteId: text("requete_id"),
    origine: text("origine").notNull(),
  },
  (t) => [
    index("journal_cible_idx").on(t.cibleType, t.cibleId),
    index("journal_utilisateur_idx").on(t.utilisateurId),
  ],
);

export const journalConnexion = pgTable(
  "journal_connexion",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    le: instant("le").notNull().defaultNow(),
    email: text("email"),
    proconnectSub: text("proconnect_sub"),
    utilisateurId: uuid("utilisateur_id"),
    methode: text("methode").notNull(),
    ip: text("ip"),
    reussite: boolean("reussite").notNull(),
    motifEchec: text("motif_echec"),
  },
  (t) => [index("journal_connexion_le_idx").on(t.le)],
);

export const courriel = pgTable(
  "courriel",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    destinataire: text("destinataire").notNull(),
    objet: text("objet").notNull(),
    /** The text as it may rest: a sign-in, invitation or confirmation link has its token masked. */
    texte: text("texte").notNull(),
    /** The real text, encrypted (AES-256-GCM) while it waits to be delivered, erased after. */
    texteChiffre: octets("texte_chiffre"),
    html: text("html"),
    modele: text("modele").notNull(),
    statut: text("statut").$type<StatutCourriel>().notNull().default("en_attente"),
    tentatives: integer("tentatives").notNull().default(0),
    erreur: text("erreur"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    envoyeLe: instant("envoye_le"),
    /** A failed or stuck mail is retried from then on; the claim keeps other instances off it. */
    prochaineTentativeLe: instant("prochaine_tentative_le"),
  },
  (t) => [
    index("courriel_statut_idx").on(t.statut),
    check("courriel_statut_ck", parmiLesCodes(t.statut, STATUTS_COURRIEL)),
  ],
);
