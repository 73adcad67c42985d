/**
 * The activity report's vocabulary (docs/domaine/cra.md §3–4): codes as stored, labels as shown.
 * The national vocabulary is canonical; the product adds the `ponctuel` type and `public`.
 */

const codes = <T extends Record<string, string>>(libelles: T) =>
  Object.keys(libelles) as (keyof T & string)[];

export const TYPES_ACTIVITE = {
  individuel: "Accompagnement individuel",
  collectif: "Atelier collectif",
  ponctuel: "Aide ponctuelle",
} as const;
export type TypeActivite = keyof typeof TYPES_ACTIVITE;
export type PublicCra = keyof typeof PUBLICS;
export type TypeLieu = keyof typeof TYPES_LIEU;

export const PUBLICS = {
  particulier: "Particulier",
  professionnel: "Professionnel (TPE/PME)",
  association: "Association",
} as const;

export const TYPES_LIEU = {
  lieu_activite: "Lieu d'activité",
  domicile: "À domicile",
  a_distance: "À distance",
  autre: "Autre lieu",
} as const;

export const MATERIELS = {
  ordinateur: "Ordinateur",
  telephone: "Téléphone",
  tablette: "Tablette",
  autre: "Autre",
  aucun: "Pas de matériel",
} as const;

export const THEMATIQUES = {
  diagnostic_numerique: "Diagnostic numérique",
  prendre_en_main_du_materiel: "Prendre en main du matériel",
  maintenance_de_materiel: "Maintenance de matériel",
  gere_ses_contenus_numeriques: "Gérer ses contenus numériques",
  navigation_sur_internet: "Navigation sur internet",
  email: "E-mail",
  bureautique: "Bureautique",
  reseaux_sociaux: "Réseaux sociaux communication",
  sante: "Santé",
  banque_et_achats_en_ligne: "Banque et achats en ligne",
  entrepreneuriat: "Accompagner un professionnel",
  insertion_professionnelle: "Insertion professionnelle",
  securite_numerique: "Prévention en sécurité numérique",
  parentalite: "Parentalité",
  scolarite_et_numerique: "Scolarité et numérique",
  creer_avec_le_numerique: "Créer avec le numérique",
  culture_numerique: "Culture numérique",
  intelligence_artificielle: "Intelligence artificielle (IA)",
  aide_aux_demarches_administratives: "Aide aux démarches administratives",
  papiers_elections_citoyennete: "Papiers - Élections Citoyenneté",
  famille_scolarite: "Famille - Scolarité",
  social_sante: "Social - Santé",
  travail_formation: "Travail - Formation",
  logement: "Logement",
  transports_mobilite: "Transports - Mobilité",
  argent_impots: "Argent - Impôts",
  justice: "Justice",
  etrangers_europe: "Étrangers - Europe",
  loisirs_sports_culture: "Loisirs - Sports Culture",
  associations: "Associations",
} as const;
export type Thematique = keyof typeof THEMATIQUES;

/** Sub-themes valid only beside `aide_aux_demarches_administratives`. */
export const THEMATIQUES_DEMARCHES: readonly Thematique[] = [
  "papiers_elections_citoyennete",
  "famille_scolarite",
  "social_sante",
  "travail_formation",
  "logement",
  "transports_mobilite",
  "argent_impots",
  "justice",
  "etrangers_europe",
  "loisirs_sports_culture",
  "associations",
];

export const AUTONOMIES = {
  entierement_accompagne: "Avec guidage",
  partiellement_autonome: "Autonome avec guidage en cas de besoin",
  autonome: "Autonome",
} as const;

export const STRUCTURES_REDIRECTION = {
  operateur_ou_organisme_en_charge:
    "Opérateur ou organisme en charge de la démarche administrative",
  aide_aux_demarches_administratives:
    "Structure d'aide aux démarches administratives (France Services…)",
  administration: "Administration (mairie, préfecture…)",
  mediation_numerique: "Autre structure de médiation numérique",
  aide_sociale: "Structure d'aide sociale (maison des solidarités, centre social…)",
  insertion_professionnelle:
    "Structure d'insertion professionnelle (France Travail, mission locale…)",
  autre: "Autre",
} as const;

export const NIVEAUX_ATELIER = {
  debutant: "Débutant",
  intermediaire: "Intermédiaire",
  avance: "Avancé",
} as const;

export const GENRES = {
  masculin: "Masculin",
  feminin: "Féminin",
  non_communique: "Non communiqué",
} as const;

export const TRANCHES_AGE = {
  moins_de_douze: "Moins de 12 ans",
  douze_dix_huit: "12 - 17 ans",
  dix_huit_vingt_quatre: "18 - 24 ans",
  vingt_cinq_trente_neuf: "25 - 39 ans",
  quarante_cinquante_neuf: "40 - 59 ans",
  soixante_soixante_neuf: "60 - 69 ans",
  soixante_dix_plus: "70 ans et plus",
  non_communique: "Non communiqué",
} as const;

export const STATUTS_SOCIAUX = {
  scolarise: "Scolarisé(e)",
  sans_emploi: "Sans emploi",
  en_emploi: "En emploi",
  retraite: "Retraité(e)",
  non_communique: "Non communiqué ou hétérogène",
} as const;

export const CODES = {
  types: codes(TYPES_ACTIVITE),
  publics: codes(PUBLICS),
  typesLieu: codes(TYPES_LIEU),
  materiels: codes(MATERIELS),
  thematiques: codes(THEMATIQUES),
  autonomies: codes(AUTONOMIES),
  redirections: codes(STRUCTURES_REDIRECTION),
  niveaux: codes(NIVEAUX_ATELIER),
  genres: codes(GENRES),
  ages: codes(TRANCHES_AGE),
  statuts: codes(STATUTS_SOCIAUX),
};

/** First day of the programme: no activity is recorded before it (docs/domaine/cra.md §4). */
export const DEBUT_DISPOSITIF = "2020-11-17";
