import { accompagnements, type Cra, TRANCHES_DUREE, trancheDuree } from "./cra.ts";
import {
  AUTONOMIES,
  GENRES,
  MATERIELS,
  NIVEAUX_ATELIER,
  PUBLICS,
  STATUTS_SOCIAUX,
  STRUCTURES_REDIRECTION,
  THEMATIQUES,
  TRANCHES_AGE,
  TYPES_ACTIVITE,
  TYPES_LIEU,
} from "./vocabulaire.ts";

/**
 * The breakdowns of the statistics (docs/domaine/cra.md §7.3). Each value of an activity dimension is
 * counted in both units (activités, accompagnements); each value of a person dimension counts
 * persons.
 */
export const DIMENSIONS_ACTIVITE = {
  type: TYPES_ACTIVITE,
  public: PUBLICS,
  lieu: TYPES_LIEU,
  materiel: MATERIELS,
  thematique: THEMATIQUES,
  autonomie: AUTONOMIES,
  niveau: NIVEAUX_ATELIER,
  orientation: STRUCTURES_REDIRECTION,
  duree: TRANCHES_DUREE,
} as const;
export const DIMENSIONS_PERSONNE = {
  age: TRANCHES_AGE,
  statut: STATUTS_SOCIAUX,
  genre: GENRES,
} as const;
export type DimensionActivite = keyof typeof DIMENSIONS_ACTIVITE;
export type DimensionPersonne = keyof typeof DIMENSIONS_PERSONNE;

/** The totals every roll-up row carries. */
export const TOTAUX = [
  "activites",
  "accompagnements",
  "deja_accompagnes",
  "duree_minutes",
  "orientations",
] as const;

/** A counter's column name: `a_` activités, `p_` accompagnements, `n_` persons. */
export const colonneActivites = (d: DimensionActivite, v: string) => `a_${d}_${v}`;
export const colonneAccompagnements = (d: DimensionActivite, v: string) => `p_${d}_${v}`;
export const colonnePersonnes = (d: DimensionPersonne, v: string) => `n_${d}_${v}`;

/** Every counter column, in a fixed order: the roll-up tables and the queries are built from it. */
export const COLONNES_COMPTEURS: readonly string[] = [
  ...TOTAUX,
  ...Object.entries(DIMENSIONS_ACTIVITE).flatMap(([d, valeurs]) =>
    Object.keys(valeurs).flatMap((v) => [
      colonneActivites(d as DimensionActivite, v),
      colonneAccompagnements(d as DimensionActivite, v),
    ]),
  ),
  ...Object.entries(DIMENSIONS_PERSONNE).flatMap(([d, valeurs]) =>
    Object.keys(valeurs).map((v) => colonnePersonnes(d as DimensionPersonne, v)),
  ),
];

export type Compteurs = Record<string, number>;

type CraCompte = Pick<
  Cra,
  | "type"
  | "public"
  | "typeLieu"
  | "materiel"
  | "thematiques"
  | "autonomie"
  | "niveau"
  | "structureRedirection"
  | "oriente"
  | "dureeMinutes"
  | "nbParticipants"
  | "dejaAccompagnes"
  | "ages"
  | "statuts"
  | "genres"
>;

/**
 * What one activity adds to its day's roll-ups (`signe` -1 takes it back, for an edit or a
 * deletion). Only non-zero counters are returned.
 */
export function compteursDe(c: CraCompte, signe: 1 | -1 = 1): Compteurs {
  const acc = accompagnements(c);
  const r: Compteurs = {};
  const ajouter = (col: string, n: number) => {
    if (n !== 0) r[col] = (r[col] ?? 0) + signe * n;
  };
  ajouter("activites", 1);
  ajouter("accompagnements", acc);
  ajouter("deja_accompagnes", c.dejaAccompagnes);
  ajouter("duree_minutes", c.dureeMinutes);
  ajouter("orientations", c.oriente ? 1 : 0);
  const valeurs: [DimensionActivite, readonly (string | null)[]][] = [
    ["type", [c.type]],
    ["public", [c.public]],
    ["lieu", [c.typeLieu]],
    ["materiel", c.materiel],
    ["thematique", c.thematiques],
    ["autonomie", [c.autonomie]],
    ["niveau", [c.niveau]],
    ["orientation", [c.oriente ? c.structureRedirection : null]],
    ["duree", [trancheDuree(c.dureeMinutes)]],
  ];
  for (const [d, liste] of valeurs) {
    for (const v of liste) {
      if (!v) continue;
      ajouter(colonneActivites(d, v), 1);
      ajouter(colonneAccompagnements(d, v), acc);
    }
  }
  const personnes: [DimensionPersonne, Record<string, number>][] = [
    ["age", c.ages],
    ["statut", c.statuts],
    ["genre", c.genres],
  ];
  for (const [d, comptes] of personnes) {
    for (const [v, n] of Object.entries(comptes)) ajouter(colonnePersonnes(d, v), n);
  }
  return r;
}

/** The difference an edit makes: the new counters minus the old ones. */
export function difference(avant: Compteurs, apres: Compteurs): Compteurs {
  const r: Compteurs = {};
  for (const k of new Set([...Object.keys(avant), ...Object.keys(apres)])) {
    const d = (apres[k] ?? 0) - (avant[k] ?? 0);
    if (d !== 0) r[k] = d;
  }
  return r;
}
