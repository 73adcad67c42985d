import { z } from "zod";

/** The kinds of a payment line: an advance, the balance, or a correction (may be negative). */
export const NATURES_VERSEMENT = ["avance", "solde", "regularisation"] as const;
export type NatureVersement = (typeof NATURES_VERSEMENT)[number];

/** A payment line as the financeur enters it: never changed afterwards, only corrected. */
export const versementSchema = z
  .object({
    structureId: z.uuid("Structure invalide."),
    posteId: z.uuid("Poste invalide.").optional(),
    nature: z.enum(NATURES_VERSEMENT, {
      error: "La nature est avance, solde ou regularisation.",
    }),
    montantCents: z
      .number({ error: "Le montant est un nombre entier de centimes." })
      .int("Le montant est un nombre entier de centimes.")
      .refine((n) => n !== 0, "Le montant ne peut pas être nul.")
      .refine((n) => Math.abs(n) <= 100_000_000, "Le montant dépasse 1 000 000 €."),
    date: z.iso.date("La date s'écrit AAAA-MM-JJ."),
    reference: z
      .string({ error: "La référence bancaire est obligatoire." })
      .trim()
      .min(1, "La référence bancaire est obligatoire.")
      .max(100, "La référence ne doit pas dépasser 100 caractères."),
    corrigeId: z.uuid("Ligne corrigée invalide.").optional(),
    motif: z.string().trim().max(500, "Le motif ne doit pas dépasser 500 caractères.").optional(),
  })
  .strict()
  .refine((v) => v.nature === "regularisation" || v.montantCents > 0, {
    path: ["montantCents"],
    message: "Seule une régularisation peut être négative.",
  })
  .refine((v) => !v.corrigeId || (v.nature === "regularisation" && v.motif), {
    path: ["motif"],
    message: "Une correction est une régularisation et dit son motif.",
  });

export type SaisieVersement = z.infer<typeof versementSchema>;
