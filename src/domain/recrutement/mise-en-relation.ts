import { machine } from "../machine.ts";

export const STATUTS_MISE_EN_RELATION = {
  proposee: "Proposée",
  preselectionnee: "Intéressé",
  ecartee: "Pas intéressé",
  retenue: "Recrutement déclaré",
  caduque: "Caduque",
} as const;
export type StatutMiseEnRelation = keyof typeof STATUTS_MISE_EN_RELATION;

export type EvenementMiseEnRelation =
  | "preselectionner"
  | "ecarter"
  | "reconsiderer"
  | "declarer_recrutement"
  | "annuler_recrutement"
  | "rendre_caduque";

/** docs/domaine/recrutement.md §5.4; a new pairing starts from `proposee` (matching) or straight at `preselectionnee`. */
export const transitionMiseEnRelation = machine<StatutMiseEnRelation, EvenementMiseEnRelation>({
  libellesStatuts: STATUTS_MISE_EN_RELATION,
  libellesEvenements: {
    preselectionner: "marquer le candidat comme intéressant",
    ecarter: "écarter le candidat",
    reconsiderer: "reconsidérer le candidat",
    declarer_recrutement: "déclarer le recrutement",
    annuler_recrutement: "annuler le recrutement",
    rendre_caduque: "clore la mise en relation",
  },
  transitions: {
    preselectionner: { proposee: "preselectionnee" },
    ecarter: { proposee: "ecartee", preselectionnee: "ecartee" },
    reconsiderer: { ecartee: "proposee" },
    declarer_recrutement: { preselectionnee: "retenue" },
    annuler_recrutement: { retenue: "preselectionnee" },
    rendre_caduque: { proposee: "caduque", preselectionnee: "caduque" },
  },
});

/** How a candidate came to a structure: proposed by the pool's ranking, or picked by hand. */
export const ORIGINES_MISE_EN_RELATION = ["matching", "manuelle"] as const;
