import { z } from "zod";
import { nombreFr } from "./format.ts";

/** A required, trimmed text field with its French messages (« Le nom est obligatoire. »). */
export function texteObligatoire(libelle: string, max: number) {
  return z
    .string({ error: `${libelle} est obligatoire.` })
    .trim()
    .min(1, `${libelle} est obligatoire.`)
    .max(max, `${libelle} ne doit pas dépasser ${nombreFr(max)} caractères.`);
}

/** A phone number typed with spaces, dots or dashes, kept as digits and checked against `motif`. */
export function telephoneSchema(motif: RegExp, message: string) {
  return z
    .string({ error: "Le téléphone est obligatoire." })
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ""))
    .pipe(z.string().regex(motif, message));
}
