import { z } from "zod";
import { machine } from "../machine.ts";

/** docs/domaine/recrutement.md §7.1, labels as shown to structures. */
export const MOTIFS_RUPTURE = {
  licenciement: "Licenciement",
  non_reconduction_cdd: "Non-reconduction du CDD",
  demission: "Démission",
  cdisation: "CDIsation",
  fin_de_subventionnement: "Fin de subventionnement",
} as const;
export type MotifRupture = keyof typeof MOTIFS_RUPTURE;

/** Original values, for imports (docs/domaine/recrutement.md §11). */
export const MOTIFS_RUPTURE_ORIGINAUX: Record<string, MotifRupture> = {
  licenciement: "licenciement",
  nonReconductionCDD: "non_reconduction_cdd",
  demission: "demission",
  CDIsation: "cdisation",
  FinDeSubventionnement: "fin_de_subventionnement",
};

/** The termination document is always expected; the list per motif is configuration. */
export const DOCUMENT_DE_RUPTURE = "Document de fin de contrat (lettre, convention, fin de CDD)";
export const DOCUMENTS_PAR_MOTIF: Record<MotifRupture, readonly string[]> = {
  licenciement: [DOCUMENT_DE_RUPTURE],
  non_reconduction_cdd: [DOCUMENT_DE_RUPTURE],
  demission: [DOCUMENT_DE_RUPTURE, "Lettre de démission"],
  cdisation: [DOCUMENT_DE_RUPTURE, "Nouveau contrat à durée indéterminée"],
  fin_de_subventionnement: [DOCUMENT_DE_RUPTURE],
};

export function ruptureSchema(dateFinContrat: string | null) {
  return z
    .object({
      dateRupture: z.iso.date("La date de rupture doit être une date (AAAA-MM-JJ)."),
      motif: z.enum(Object.keys(MOTIFS_RUPTURE) as [MotifRupture, ...MotifRupture[]], {
        error: "Choisissez le motif de la rupture.",
      }),
      documents: z
        .array(z.string().trim().min(1).max(200))
        .max(20, "Vingt documents au plus.")
        .default([]),
    })
    .strict()
    .refine((r) => !dateFinContrat || r.dateRupture <= dateFinContrat, {
      path: ["dateRupture"],
      message: "La date de rupture ne peut pas suivre la fin du contrat.",
    });
}

export const STATUTS_RUPTURE = {
  declaree: "Déclarée",
  incomplete: "En attente de document",
  retiree: "Retirée",
  validee: "Validée",
} as const;
export type StatutRupture = keyof typeof STATUTS_RUPTURE;
export type EvenementRupture = "marquer_incomplete" | "completer" | "retirer" | "valider";

/** docs/domaine/recrutement.md §7.2. */
export const transitionRupture = machine<StatutRupture, EvenementRupture>({
  libellesStatuts: STATUTS_RUPTURE,
  libellesEvenements: {
    marquer_incomplete: "demander un document",
    completer: "compléter le dossier",
    retirer: "retirer la rupture",
    valider: "valider la rupture",
  },
  transitions: {
    marquer_incomplete: { declaree: "incomplete" },
    completer: { incomplete: "declaree" },
    retirer: { declaree: "retiree", incomplete: "retiree" },
    valider: { declaree: "validee" },
  },
});

export const STATUTS_PROLONGATION = {
  deposee: "Déposée",
  acceptee: "Acceptée",
  refusee: "Refusée",
} as const;
export type StatutProlongation = keyof typeof STATUTS_PROLONGATION;

export const transitionProlongation = machine<StatutProlongation, "accepter" | "refuser">({
  libellesStatuts: STATUTS_PROLONGATION,
  libellesEvenements: { accepter: "accepter la prolongation", refuser: "refuser la prolongation" },
  transitions: { accepter: { deposee: "acceptee" }, refuser: { deposee: "refusee" } },
});

export function prolongationSchema(dateFinActuelle: string | null) {
  return z
    .object({
      nouvelleDateFin: z.iso.date("La nouvelle date de fin doit être une date (AAAA-MM-JJ)."),
      salaireBrutMensuelCents: z.coerce
        .number()
        .int("Le salaire s'exprime en centimes.")
        .positive("Le salaire doit être positif.")
        .max(10_000_000, "Le salaire brut mensuel ne peut pas dépasser 100 000 €.")
        .nullable()
        .default(null),
    })
    .strict()
    .refine((p) => dateFinActuelle !== null && p.nouvelleDateFin > dateFinActuelle, {
      path: ["nouvelleDateFin"],
      message: "La nouvelle date de fin doit suivre la fin actuelle du contrat.",
    });
}
