import { z } from "zod";

/** The préfet's opinion (docs/domaine/recrutement.md §4.3). */
/** The préfet's opinion on a request. */
export const AVIS_PREFET = ["favorable", "defavorable"] as const;
export type AvisPrefet = (typeof AVIS_PREFET)[number];

export const avisSchema = z
  .object({
    avis: z.enum(AVIS_PREFET, {
      error: "Choisissez un avis favorable ou défavorable.",
    }),
    commentaire: z
      .string({ error: "Le commentaire est obligatoire." })
      .trim()
      .min(10, "Le commentaire doit contenir entre 10 et 1 000 caractères.")
      .max(1000, "Le commentaire doit contenir entre 10 et 1 000 caractères."),
    structureTransfertId: z.uuid("Structure de transfert inconnue.").nullable().default(null),
  })
  .strict();

export type Avis = z.infer<typeof avisSchema>;

export const sessionComiteSchema = z
  .object({
    numero: z.coerce
      .number({ error: "Le numéro est obligatoire." })
      .int("Le numéro est un nombre entier.")
      .min(1, "Le numéro commence à 1.")
      .max(9_999, "Le numéro d'une session ne dépasse pas 9 999."),
    date: z.iso.date("La date doit être une date (AAAA-MM-JJ)."),
  })
  .strict();

export type SessionComite = z.infer<typeof sessionComiteSchema>;

/** A retrait is validated by the admin alone: it names no committee session. */
const sessionFacultative = z.uuid("Session du comité inconnue.").nullable().default(null);

/** The committee's decision on a request (docs/domaine/recrutement.md §4.4). */
export const decisionSchema = z.discriminatedUnion(
  "issue",
  [
    z
      .object({
        issue: z.literal("acceptee"),
        postesAccordes: z.coerce
          .number({ error: "Indiquez le nombre de postes accordés." })
          .int()
          .min(1, "Une décision favorable accorde au moins un poste.")
          .max(50, "Une décision ne peut pas accorder plus de 50 postes."),
        sessionComiteId: sessionFacultative,
      })
      .strict(),
    z
      .object({
        issue: z.literal("refusee"),
        sessionComiteId: sessionFacultative,
      })
      .strict(),
    z
      .object({
        issue: z.literal("complement"),
        sessionComiteId: sessionFacultative,
      })
      .strict(),
  ],
  { error: "La décision est « acceptee », « refusee » ou « complement »." },
);

export type Decision = z.infer<typeof decisionSchema>;

export const ISSUES_DECISION = {
  acceptee: "Acceptée",
  refusee: "Refusée",
  complement: "Complément demandé",
} as const;
export type IssueDecision = keyof typeof ISSUES_DECISION;
