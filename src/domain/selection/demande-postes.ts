import { echec, type Resultat } from "../erreurs.ts";
import { depuis, machine } from "../machine.ts";

/** Kinds of request about posts (docs/domaine/recrutement.md §4.2). */
export const NATURES_DEMANDE = {
  initiale: "Première candidature",
  ajout: "Avenant : ajout de postes",
  retrait: "Avenant : retrait de postes",
  coordinateur: "Poste de coordinateur",
} as const;
export type NatureDemande = keyof typeof NATURES_DEMANDE;

export const STATUTS_DEMANDE = {
  en_attente_confirmation: "En attente de confirmation du courriel",
  deposee: "Déposée",
  complement_demande: "Complément demandé",
  acceptee: "Acceptée",
  refusee: "Refusée",
  retiree: "Retirée",
  annulee: "Annulée",
} as const;
export type StatutDemande = keyof typeof STATUTS_DEMANDE;

export type EvenementDemande =
  | { type: "confirmer_courriel" }
  | { type: "demander_complement" }
  | { type: "accepter"; postesAccordes: number }
  | { type: "refuser" }
  | { type: "retirer" }
  | { type: "annuler"; motif: string };

const EN_INSTRUCTION: readonly StatutDemande[] = ["deposee", "complement_demande"];
const FINAUX: readonly StatutDemande[] = ["acceptee", "refusee", "retiree", "annulee"];

export function estEnInstruction(statut: StatutDemande): boolean {
  return EN_INSTRUCTION.includes(statut);
}

/** The préfet may give or revise an opinion only while the committee has not decided. */
export function avisPossible(nature: NatureDemande, statut: StatutDemande): boolean {
  return nature !== "retrait" && estEnInstruction(statut);
}

const MACHINE_DEMANDE = machine<StatutDemande, EvenementDemande["type"]>({
  libellesStatuts: STATUTS_DEMANDE,
  libellesEvenements: {
    confirmer_courriel: "confirmer le courriel",
    demander_complement: "demander un complément",
    accepter: "accepter la demande",
    refuser: "refuser la demande",
    retirer: "retirer la demande",
    annuler: "annuler la demande",
  },
  transitions: {
    confirmer_courriel: { en_attente_confirmation: "deposee" },
    demander_complement: { deposee: "complement_demande" },
    accepter: depuis(EN_INSTRUCTION, "acceptee"),
    refuser: depuis(EN_INSTRUCTION, "refusee"),
    retirer: depuis(EN_INSTRUCTION, "retiree"),
    annuler: depuis(
      (Object.keys(STATUTS_DEMANDE) as StatutDemande[]).filter((s) => !FINAUX.includes(s)),
      "annulee",
    ),
  },
});

/**
 * The request's state machine: the next status, or a French refusal that changes nothing.
 */
export function transitionDemande(
  statut: StatutDemande,
  evenement: EvenementDemande,
): Resultat<StatutDemande> {
  return MACHINE_DEMANDE(statut, evenement.type, () => {
    if (
      evenement.type === "accepter" &&
      (!Number.isInteger(evenement.postesAccordes) || evenement.postesAccordes < 1)
    )
      return echec("postesAccordes", "Une décision favorable accorde au moins un poste.");
    if (evenement.type === "annuler" && evenement.motif.trim().length === 0)
      return echec("motif", "Indiquez le motif de l'annulation.");
    return null;
  });
}

/**
 * Whether the i-th post granted on a request is a coordinator post: every post of a coordinator
 * request, and the first one of an application that asked for a coordinator (docs/domaine/recrutement.md §4.8).
 */
export function estPosteCoordinateur(
  demande: { nature: string; coordinateur: string },
  rang: number,
): boolean {
  if (demande.nature === "coordinateur") return true;
  return demande.nature === "initiale" && demande.coordinateur !== "non" && rang === 0;
}
