import { z } from "zod";
import { nombreFr } from "./format.ts";

// NUL cannot be stored by PostgreSQL; the other C0 controls (and DEL) are never typed by a
// person: they come from a broken export or a probe. Tab, line feed and carriage return are
// allowed where a text may run over several lines.
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** Whether a text holds a character nobody types (NUL, C0 controls; line breaks if one line). */
export function contientUnCaractereDeControle(texte: string, multiligne: boolean): boolean {
  for (let i = 0; i < texte.length; i++) {
    const c = texte.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f) continue;
    if (multiligne && (c === TAB || c === LF || c === CR)) continue;
    return true;
  }
  return false;
}

export const MESSAGE_CARACTERE_DE_CONTROLE =
  "Ce texte contient un caractère invisible non autorisé (caractère nul ou de contrôle) : retapez-le ou collez-le sans mise en forme.";

/**
 * The text primitive of the forms: trimmed, required, bounded, and free of NUL and control
 * characters (tab and line breaks only in a multi-line text), with French messages.
 */
export function texteObligatoire(
  libelle: string,
  max: number,
  options: { multiligne?: boolean } = {},
) {
  const multiligne = options.multiligne ?? false;
  return z
    .string({ error: `${libelle} est obligatoire.` })
    .refine((v) => !contientUnCaractereDeControle(v, multiligne), MESSAGE_CARACTERE_DE_CONTROLE)
    .trim()
    .min(1, `${libelle} est obligatoire.`)
    .max(max, `${libelle} ne doit pas dépasser ${nombreFr(max)} caractères.`);
}

/** A field left empty (or only spaces) is a field not given, never an error. */
export const facultatif = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    schema.optional(),
  );

/** A French or international phone number, typed with spaces, dots or dashes. */
export const TELEPHONE_MOTIF = /^(0\d{9}|\+\d{11,12})$/;
export const TELEPHONE_MESSAGE =
  "Le téléphone doit compter 10 chiffres, ou commencer par + suivi de 11 ou 12 chiffres.";

/** A phone number as it is stored and compared: without the spaces, dots or dashes typed. */
export const chiffresDuTelephone = (v: string) => v.replace(/[\s.-]/g, "");

/** A phone number typed with spaces, dots or dashes, kept as digits and checked against `motif`. */
export function telephoneSchema(motif: RegExp, message: string) {
  return z
    .string({ error: "Le téléphone est obligatoire." })
    .trim()
    .transform(chiffresDuTelephone)
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

/**
 * An instant in an API answer: a `Date` on the server, its ISO 8601 text in the JSON and for
 * the web app (which reads `z.input` of a response schema).
 */
export const instantSchema = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (texte) => new Date(texte),
  encode: (date) => date.toISOString(),
});

/** The answer of an action that has nothing else to say than that it was done. */
export const okSchema = z.object({ ok: z.literal(true) });

/** The answer of a creation: the new thing's identifier. */
export const identifiantSchema = z.object({ id: z.string() });

/** A line of an imported file that was refused, with the French message of each fault. */
export const ligneRejeteeSchema = z.object({
  ligne: z.number(),
  erreurs: z.array(z.object({ champ: z.string(), message: z.string() })),
});

/** The answer of an action that tells the person, in a sentence, what happens next. */
export const messageSchema = z.object({ message: z.string() });

/** The codes of a vocabulary (its labels' keys) as a schema: an answer says which it holds. */
export function codeParmi<K extends string>(libelles: Record<K, unknown>) {
  return z.enum(Object.keys(libelles) as [K, ...K[]]);
}
