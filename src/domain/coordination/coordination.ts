import { z } from "zod";
import { codeParmi, texteObligatoire } from "../champs.ts";
import { DEBUT_DISPOSITIF, THEMATIQUES } from "../cra/vocabulaire.ts";
import { echec, type Refus } from "../erreurs.ts";
import { codeCommuneSchema } from "../territoire.ts";

/**
 * A coordinator's own work, reported as its own unit (docs/domaine/coordination.md): never an
 * accompaniment, never added to the conseillers' figures.
 */
export const TYPES_COORDINATION = {
  animation: "Animation d'équipe",
  evenement: "Événement",
  partenariat: "Partenariat",
} as const;

export type TypeCoordination = keyof typeof TYPES_COORDINATION;

export const TYPES_PARTENAIRE = {
  collectivite: "Collectivité territoriale",
  administration: "Administration ou opérateur public",
  association: "Association",
  entreprise: "Entreprise",
  autre: "Autre",
} as const;

export const PARTICIPANTS_MAX_EVENEMENT = 10_000;

const commun = {
  date: z.iso
    .date("La date est obligatoire (AAAA-MM-JJ).")
    .refine(
      (d) => d >= DEBUT_DISPOSITIF,
      "La date doit être postérieure au début du dispositif (17/11/2020).",
    ),
  dureeMinutes: z.coerce
    .number({ error: "La durée est obligatoire." })
    .int("La durée doit être comprise entre 1 minute et 23 h 59.")
    .min(1, "La durée doit être comprise entre 1 minute et 23 h 59.")
    .max(1439, "La durée doit être comprise entre 1 minute et 23 h 59."),
  notes: z
    .string()
    .trim()
    .max(2_000, "Les notes ne doivent pas dépasser 2 000 caractères.")
    .nullable()
    .default(null),
};

/** The three kinds, each with its own fields; the server checks the day and the team. */
export const craCoordinationSchema = z.discriminatedUnion(
  "type",
  [
    z
      .object({
        type: z.literal("animation"),
        ...commun,
        participantIds: z
          .array(z.uuid("Un des participants est invalide."))
          .min(1, "Choisissez au moins un conseiller de votre équipe.")
          .max(500, "Une animation réunit au plus 500 conseillers."),
        thematiques: z
          .array(codeParmi(THEMATIQUES))
          .min(1, "Sélectionnez au moins une thématique."),
      })
      .strict(),
    z
      .object({
        type: z.literal("evenement"),
        ...commun,
        titre: texteObligatoire("Le titre de l'événement", 200),
        communeCode: codeCommuneSchema,
        nbParticipants: z.coerce
          .number({ error: "Le nombre de participants est obligatoire." })
          .int("Le nombre de participants est un nombre entier.")
          .min(1, "Le nombre de participants doit être d'au moins 1.")
          .max(
            PARTICIPANTS_MAX_EVENEMENT,
            `Le nombre de participants ne peut pas dépasser ${PARTICIPANTS_MAX_EVENEMENT}.`,
          ),
        partenaires: z
          .string()
          .trim()
          .max(500, "Les partenaires ne doivent pas dépasser 500 caractères.")
          .nullable()
          .default(null),
      })
      .strict(),
    z
      .object({
        type: z.literal("partenariat"),
        ...commun,
        structurePartenaire: texteObligatoire("La structure partenaire", 200),
        typePartenaire: codeParmi(TYPES_PARTENAIRE),
        sujet: texteObligatoire("Le sujet", 500),
      })
      .strict(),
  ],
  { error: "Le type de coordination est obligatoire (animation, événement ou partenariat)." },
);

export type CraCoordination = z.infer<typeof craCoordinationSchema>;
export type SaisieCraCoordination = z.input<typeof craCoordinationSchema>;

/** A coordination dated after today (Paris) is refused: the rule the static body cannot hold. */
export function refusCoordinationFuture(date: string, aujourdhui: string): Refus | null {
  return date > aujourdhui ? echec("date", "La date ne peut pas être dans le futur.") : null;
}
