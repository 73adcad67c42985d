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

/**
 * A query-string parameter given once or repeated — or, with `virgules`, comma-separated —
 * read as a list of checked values.
 */
export function listeDeRequete<T extends z.ZodType>(
  element: T,
  options: { max: number; message?: string; virgules?: boolean },
) {
  return z.preprocess(
    (v) => {
      if (v === undefined) return [];
      const liste = Array.isArray(v) ? v : [v];
      return options.virgules ? liste.flatMap((x) => String(x).split(",")).filter(Boolean) : liste;
    },
    z.array(element).max(options.max, options.message),
  );
}
