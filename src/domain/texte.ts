/** Lower case without accents: how two spellings of one word are compared. */
export function sansAccents(v: string): string {
  return v
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

/** The abbreviations field files write for the words of commune names. */
const ABREVIATIONS: Record<string, string> = { st: "saint", ste: "sainte", sts: "saints" };

/**
 * A commune's name as search and imports compare it: case, accents, hyphens, apostrophes and
 * "St/Ste" ignored, a Cedex mention removed ("SAINT ETIENNE CEDEX 1", "St-Étienne" and
 * "Saint Etienne" all give "saint etienne").
 */
export function nomCommuneNormalise(nom: string): string {
  return sansAccents(nom)
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\bcedex(\s+\d{1,3})?\b/g, " ")
    .trim()
    .split(/\s+/)
    .map((mot) => ABREVIATIONS[mot] ?? mot)
    .join(" ");
}

/** A Cedex postcode is the post office's, not a commune's: the name must then be read. */
export const estCedex = (texte: string): boolean => /\bcedex\b/i.test(texte);
