import type { StatutCandidature } from "./candidature.ts";
import type { StatutContrat, TypeContrat } from "./contrat.ts";
import type { StatutMiseEnRelation } from "./mise-en-relation.ts";
import type { StatutProlongation, StatutRupture } from "./rupture.ts";

/**
 * The original platform's values, for imports only (docs/domaine/recrutement.md §11): the rest of the code
 * speaks the one vocabulary of this folder.
 */
export type EtatImporte = {
  relation: StatutMiseEnRelation;
  contrat?: { statut: StatutContrat; motifFin?: "rupture" | "renouvellement" | "echeance" };
  rupture?: StatutRupture;
  renouvellement?: true;
  /** A legacy value the import keeps but flags for someone to look at. */
  aVerifier?: true;
};

export const MISES_EN_RELATION_ORIGINALES: Record<string, EtatImporte> = {
  nouvelle: { relation: "proposee" },
  interessee: { relation: "preselectionnee" },
  nonInteressee: { relation: "ecartee" },
  recrutee: { relation: "retenue", contrat: { statut: "declare" } },
  finalisee: { relation: "retenue", contrat: { statut: "actif" } },
  nouvelle_rupture: { relation: "retenue", contrat: { statut: "actif" }, rupture: "declaree" },
  finalisee_rupture: {
    relation: "retenue",
    contrat: { statut: "termine", motifFin: "rupture" },
    rupture: "validee",
  },
  renouvellement_initiee: {
    relation: "retenue",
    contrat: { statut: "declare" },
    renouvellement: true,
  },
  terminee: { relation: "retenue", contrat: { statut: "termine", motifFin: "renouvellement" } },
  terminee_naturelle: { relation: "retenue", contrat: { statut: "termine", motifFin: "echeance" } },
  non_disponible: { relation: "caduque" },
  finalisee_non_disponible: { relation: "caduque", aVerifier: true },
};

/** `dossierIncompletRupture: true` turns a declared rupture into one waiting for a document. */
export function etatMiseEnRelationOriginale(
  statut: string,
  dossierIncompletRupture = false,
): EtatImporte | undefined {
  const etat = MISES_EN_RELATION_ORIGINALES[statut];
  if (etat?.rupture === "declaree" && dossierIncompletRupture)
    return { ...etat, rupture: "incomplete" };
  return etat;
}

/** A conseiller document: its `statut` (absent for a plain candidate) and `disponible` flag. */
export function statutCandidatureOriginal(
  statut: string | undefined,
  disponible: boolean,
  emailConfirme: boolean,
): StatutCandidature {
  if (!emailConfirme) return "en_attente_confirmation";
  if (statut === "RECRUTE") return "en_poste";
  return disponible ? "disponible" : "indisponible";
}

export const TYPES_CONTRAT_ORIGINAUX: Record<string, TypeContrat> = {
  CDI: "cdi",
  CDD: "cdd",
  PEC: "pec",
  contrat_de_projet_public: "contrat_de_projet_public",
};

export const PROLONGATIONS_ORIGINALES: Record<string, StatutProlongation> = {
  initiee: "deposee",
  validee: "acceptee",
};

export const ORIGINES_ORIGINALES: Record<string, "matching" | "manuelle"> = {
  MANUEL: "manuelle",
};
