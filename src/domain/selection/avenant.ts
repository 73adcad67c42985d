import { z } from "zod";

/** Reasons a structure gives back posts (docs/domaine/recrutement.md §4.7, exact labels). */
export const MOTIFS_RETRAIT = {
  besoin_non_justifie: "Le besoin n'est pas ou plus justifié",
  difficultes_recrutement: "Ma structure rencontre des difficultés de recrutement",
  capacites_financieres: "Ma structure n'a pas ou plus les capacités financières nécessaires",
  manque_visibilite:
    "Je ne sais pas encore si je souhaite me reconventionner car je manque de visibilité sur les prochains mois",
  fin_subventionnement: "Fin de subventionnement",
} as const;
export type MotifRetrait = keyof typeof MOTIFS_RETRAIT;

const postes = z.coerce
  .number({ error: "Indiquez un nombre de postes." })
  .int("Le nombre de postes est un nombre entier.")
  .min(1, "Indiquez au moins un poste.")
  .max(50, "Une demande ne peut pas dépasser 50 postes.");

/** A structure's own request: more posts, posts given back, or a coordinator post. */
export const demandeStructureSchema = z.discriminatedUnion(
  "nature",
  [
    z
      .object({
        nature: z.literal("ajout"),
        postes,
        motif: z
          .string({ error: "Expliquez le besoin." })
          .trim()
          .min(10, "Expliquez le besoin en 10 à 1 000 caractères.")
          .max(1000, "Expliquez le besoin en 10 à 1 000 caractères."),
      })
      .strict(),
    z
      .object({
        nature: z.literal("retrait"),
        postes,
        motif: z.enum(Object.keys(MOTIFS_RETRAIT) as [MotifRetrait, ...MotifRetrait[]], {
          error: "Choisissez le motif du retrait.",
        }),
      })
      .strict(),
    z
      .object({
        nature: z.literal("coordinateur"),
        temps: z.enum(["temps_partiel", "temps_plein"], {
          error: "Précisez temps partiel ou temps plein.",
        }),
        motif: z
          .string()
          .trim()
          .max(1000, "Le message ne doit pas dépasser 1 000 caractères.")
          .default(""),
      })
      .strict(),
  ],
  { error: "Choisissez le type de demande : ajout, retrait ou poste de coordinateur." },
);

export type DemandeStructure = z.infer<typeof demandeStructureSchema>;
