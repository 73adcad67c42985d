import { z } from "zod";
import { machine } from "../machine.ts";
import { ajouterJours } from "../temps.ts";

export const TYPES_CONTRAT = {
  cdi: "CDI",
  cdd: "CDD",
  pec: "PEC",
  contrat_de_projet_public: "Contrat de projet public",
} as const;
export type TypeContrat = keyof typeof TYPES_CONTRAT;

/** The SMIC as a dated value, gross monthly for 35 h (docs/domaine/programme.md §5.1). */
export const SMIC_MENSUEL_35H = [{ depuis: "2020-01-01", cents: 155_458 }] as const;

export function smicMensuelCents(date: string, heuresHebdo = 35): number {
  const valeur =
    [...SMIC_MENSUEL_35H].reverse().find((s) => s.depuis <= date) ?? SMIC_MENSUEL_35H[0];
  return Math.ceil((valeur.cents * heuresHebdo) / 35);
}

/** A recruitment declared by a structure (docs/domaine/recrutement.md §6.1). */
export const recrutementSchema = z
  .object({
    type: z.enum(Object.keys(TYPES_CONTRAT) as [TypeContrat, ...TypeContrat[]], {
      error: "Le type de contrat est invalide.",
    }),
    dateDebut: z.iso.date("La date de début est obligatoire."),
    dateFin: z.iso.date("La date de fin doit être une date (AAAA-MM-JJ).").nullable().default(null),
    salaireBrutMensuelCents: z.coerce
      .number({ error: "Le salaire est obligatoire." })
      .int("Le salaire s'exprime en centimes.")
      .min(0, "Le salaire ne peut pas être négatif.")
      .max(10_000_000, "Le salaire brut mensuel ne peut pas dépasser 100 000 €."),
    heuresHebdo: z.coerce
      .number({ error: "La durée hebdomadaire est invalide." })
      .int("La durée hebdomadaire est invalide.")
      .min(1, "La durée hebdomadaire est invalide.")
      .max(35, "La durée hebdomadaire est invalide.")
      .default(35),
    coordinateur: z.boolean().default(false),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.type !== "cdi" && !c.dateFin) {
      ctx.addIssue({
        code: "custom",
        path: ["dateFin"],
        message: "La date de fin est obligatoire pour ce type de contrat.",
      });
    }
    if (c.dateFin && c.dateFin <= c.dateDebut) {
      ctx.addIssue({
        code: "custom",
        path: ["dateFin"],
        message: "La date de fin doit suivre la date de début.",
      });
    }
    if (c.heuresHebdo < 35 && !c.coordinateur) {
      ctx.addIssue({
        code: "custom",
        path: ["heuresHebdo"],
        message: "Le temps partiel n'est possible que sur un poste de coordinateur.",
      });
    }
    if (c.salaireBrutMensuelCents < smicMensuelCents(c.dateDebut, c.heuresHebdo)) {
      ctx.addIssue({
        code: "custom",
        path: ["salaireBrutMensuelCents"],
        message: "Le salaire doit être au moins égal au SMIC (1 554,58 € brut mensuel pour 35 h).",
      });
    }
  });

export type Recrutement = z.infer<typeof recrutementSchema>;

export const STATUTS_CONTRAT = {
  declare: "Déclaré",
  annule: "Annulé",
  refuse: "Refusé",
  actif: "Actif",
  termine: "Terminé",
} as const;
export type StatutContrat = keyof typeof STATUTS_CONTRAT;

/** Why a contract ended: a rupture, its renewal, or its term. */
export const MOTIFS_FIN_CONTRAT = ["rupture", "renouvellement", "echeance"] as const;

export type EvenementContrat =
  | "annuler"
  | "refuser"
  | "valider"
  | "rompre"
  | "renouveler"
  | "arriver_a_echeance";

/** docs/domaine/recrutement.md §6.2. */
export const transitionContrat = machine<StatutContrat, EvenementContrat>({
  libellesStatuts: STATUTS_CONTRAT,
  libellesEvenements: {
    annuler: "annuler le recrutement",
    refuser: "refuser le recrutement",
    valider: "valider le recrutement",
    rompre: "valider la rupture",
    renouveler: "valider le renouvellement",
    arriver_a_echeance: "terminer le contrat à son échéance",
  },
  transitions: {
    annuler: { declare: "annule" },
    refuser: { declare: "refuse" },
    valider: { declare: "actif" },
    rompre: { actif: "termine" },
    renouveler: { actif: "termine" },
    arriver_a_echeance: { actif: "termine" },
  },
});

/** The signature is due within 15 days of the declaration (docs/domaine/programme.md §6). */
export function dateLimiteSignature(dateDeclaration: string): string {
  return ajouterJours(dateDeclaration, 15);
}

/** A contract, break, extension or training out of the asker's reach: never says which. */
export const HORS_DE_PORTEE = "Cet élément n'existe pas ou ne concerne pas votre structure.";
