import { z } from "zod";
import { texteObligatoire } from "../champs.ts";
import { echec, type Refus } from "../erreurs.ts";
import type { Role } from "../roles.ts";

/** Who may share their statistics by link (docs/domaine/statistiques-et-opendata.md §7). */
export const ROLES_PARTAGE = ["conseiller", "structure", "coordinateur"] as const satisfies Role[];

/**
 * A share link as its author asks for it: a title read by the visitors, the period shown, and
 * an optional last day of validity. The service checks the days against today.
 */
export const lienPartageSchema = z
  .object({
    titre: texteObligatoire("Le titre", 120),
    du: z.iso.date("La date de début est invalide (AAAA-MM-JJ)."),
    au: z.iso.date("La date de fin est invalide (AAAA-MM-JJ)."),
    expireLe: z.iso
      .date("La date de fin de validité est invalide (AAAA-MM-JJ).")
      .nullable()
      .default(null),
  })
  .strict()
  .refine((l) => l.du <= l.au, {
    path: ["au"],
    message: "La fin de la période doit suivre son début.",
  });

export type LienPartage = z.infer<typeof lienPartageSchema>;

/** The days of a link checked against today: a period ended, a validity still to come. */
export function refusDuLien(l: LienPartage, aujourdhui: string): Refus | null {
  if (l.au > aujourdhui) return echec("au", "La fin de la période ne peut pas être dans le futur.");
  if (l.expireLe !== null && l.expireLe <= aujourdhui)
    return echec("expireLe", "La fin de validité du lien doit être après aujourd'hui.");
  return null;
}
