import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Perimetre } from "../../domain/perimetre.ts";

const instant = (nom: string) => timestamp(nom, { withTimezone: true, mode: "date" });
/** A multi-valued field: an array, empty rather than null. */
const liste = (nom: string) => text(nom).array().notNull().default(sql`'{}'`);

// --- Référentiel administratif (@etalab/decoupage-administratif) ---

export const region = pgTable("region", {
  code: text("code").primaryKey(),
  nom: text("nom").notNull(),
  zone: text("zone").notNull(),
});

export const departement = pgTable("departement", {
  code: text("code").primaryKey(),
  nom: text("nom").notNull(),
  regionCode: text("region_code")
    .notNull()
    .references(() => region.code),
  zone: text("zone").notNull(),
});

export const commune = pgTable(
  "commune",
  {
    code: text("code").primaryKey(),
    nom: text("nom").notNull(),
    type: text("type").notNull(),
    departementCode: text("departement_code")
      .notNull()
      .references(() => departement.code),
    regionCode: text("region_code")
      .notNull()
      .references(() => region.code),
    codesPostaux: text("codes_postaux").array().notNull(),
    population: integer("population"),
  },
  (t) => [index("commune_departement_idx").on(t.departementCode)],
);

/** Where a row stands: its commune, and the département and région it belongs to, for scoping. */
const localisation = () => ({
  communeCode: text("commune_code")
    .notNull()
    .references(() => commune.code),
  departementCode: text("departement_code")
    .notNull()
    .references(() => departement.code),
  regionCode: text("region_code")
    .notNull()
    .references(() => region.code),
});

// --- Structures d'accueil (the selection issue extends this table) ---

export const structure = pgTable(
  "structure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siret: text("siret"),
    nom: text("nom").notNull(),
    typeJuridique: text("type_juridique").notNull(),
    secteur: text("secteur").notNull(),
    ...localisation(),
    reseau: text("reseau"),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    index("structure_departement_idx").on(t.departementCode),
    index("structure_region_idx").on(t.regionCode),
    index("structure_reseau_idx").on(t.reseau),
    check("structure_secteur_ck", sql`${t.secteur} in ('public', 'prive')`),
  ],
);

// --- Comptes, habilitations, sessions ---

export const utilisateur = pgTable(
  "utilisateur",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    prenom: text("prenom").notNull(),
    nom: text("nom").notNull(),
    /** ProConnect subject, bound at the first ProConnect sign-in (S5). */
    proconnectSub: text("proconnect_sub"),
    actif: boolean("actif").notNull().default(true),
    invitationAccepteeLe: instant("invitation_acceptee_le"),
    derniereConnexionLe: instant("derniere_connexion_le"),
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
    /** The active habilitation's scope, resolved at sign-in or switch (rule 2). */
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
    check("jeton_nature_ck", sql`${t.nature} in ('connexion', 'invitation')`),
  ],
);

/** OIDC transactions: state and nonce stay on the server, keyed by a browser-bound cookie. */
export const transactionOidc = pgTable("transaction_oidc", {
  cleHash: text("cle_hash").primaryKey(),
  state: text("state").notNull(),
  nonce: text("nonce").notNull(),
  creeLe: instant("cree_le").notNull(),
});

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
    texte: text("texte").notNull(),
    html: text("html"),
    modele: text("modele").notNull(),
    statut: text("statut").notNull().default("en_attente"),
    tentatives: integer("tentatives").notNull().default(0),
    erreur: text("erreur"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    envoyeLe: instant("envoye_le"),
  },
  (t) => [
    index("courriel_statut_idx").on(t.statut),
    check(
      "courriel_statut_ck",
      sql`${t.statut} in ('en_attente', 'envoye', 'journalise', 'echec')`,
    ),
  ],
);

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
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
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
    nature: text("nature").notNull(),
    debut: date("debut").notNull(),
    fin: date("fin"),
  },
  (t) => [
    index("lieu_conseiller_conseiller_idx").on(t.conseillerId),
    index("lieu_conseiller_lieu_idx").on(t.lieuId),
    check(
      "lieu_conseiller_nature_ck",
      sql`${t.nature} in ('principal', 'secondaire', 'itinerant')`,
    ),
    // At most one current main place per conseiller.
    uniqueIndex("lieu_conseiller_principal_uq")
      .on(t.conseillerId)
      .where(sql`${t.nature} = 'principal' and ${t.fin} is null`),
  ],
);

// --- Comptes rendus d'activité (cra.md §4) ---

export type Repartition = Record<string, number>;

export const cra = pgTable(
  "cra",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conseillerId: uuid("conseiller_id")
      .notNull()
      .references(() => utilisateur.id),
    /** The employer on the activity's date, taken from the session, never from the body. */
    structureId: uuid("structure_id").references(() => structure.id),
    type: text("type").notNull(),
    public: text("public").notNull().default("particulier"),
    date: date("date").notNull(),
    dureeMinutes: integer("duree_minutes").notNull(),
    typeLieu: text("type_lieu").notNull(),
    lieuId: uuid("lieu_id").references(() => lieu.id),
    communeCode: text("commune_code").references(() => commune.code),
    departementCode: text("departement_code").references(() => departement.code),
    nbParticipants: integer("nb_participants").notNull(),
    dejaAccompagnes: integer("deja_accompagnes").notNull().default(0),
    ages: jsonb("ages").$type<Repartition>().notNull(),
    statuts: jsonb("statuts").$type<Repartition>().notNull(),
    genres: jsonb("genres").$type<Repartition>().notNull(),
    thematiques: text("thematiques").array().notNull(),
    precisionsDemarche: text("precisions_demarche"),
    materiel: liste("materiel"),
    autonomie: text("autonomie"),
    oriente: boolean("oriente").notNull().default(false),
    structureRedirection: text("structure_redirection"),
    titreAtelier: text("titre_atelier"),
    niveau: text("niveau"),
    notes: text("notes"),
    /** Raw values of a historical report imported from the original platform. */
    origineV1: jsonb("origine_v1"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    modifieLe: instant("modifie_le").notNull().defaultNow(),
  },
  (t) => [
    index("cra_conseiller_date_idx").on(t.conseillerId, t.date),
    index("cra_departement_date_idx").on(t.departementCode, t.date),
    check("cra_type_ck", sql`${t.type} in ('individuel', 'collectif', 'ponctuel')`),
    check("cra_public_ck", sql`${t.public} in ('particulier', 'professionnel', 'association')`),
    check(
      "cra_type_lieu_ck",
      sql`${t.typeLieu} in ('lieu_activite', 'domicile', 'a_distance', 'autre')`,
    ),
    check("cra_duree_ck", sql`${t.dureeMinutes} between 1 and 1439`),
    check(
      "cra_participants_ck",
      sql`${t.nbParticipants} >= 1 and ${t.dejaAccompagnes} between 0 and ${t.nbParticipants}`,
    ),
    check("cra_thematiques_ck", sql`cardinality(${t.thematiques}) >= 1`),
  ],
);
