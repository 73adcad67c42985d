import { ajouterMois } from "../temps.ts";
export const TAILLE_MAX_CV = 5 * 1024 * 1024;
export const DUREE_CONSERVATION_CV_MOIS = 6;

/** A PDF starts with "%PDF-": the content decides, never the file name or the declared type. */
const MAGIQUE_PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

export function estUnPdf(contenu: Uint8Array): boolean {
  return MAGIQUE_PDF.every((octet, i) => contenu[i] === octet);
}

export function verifierCv(contenu: Uint8Array): string | null {
  if (contenu.length === 0) return "Le fichier est vide.";
  if (contenu.length > TAILLE_MAX_CV) return "Le CV ne doit pas dépasser 5 Mo.";
  if (!estUnPdf(contenu)) return "Le CV doit être un fichier PDF.";
  return null;
}

/** Six calendar months after the upload, clamped to the end of the month. */
export function expirationCv(depose: Date): Date {
  const instant = depose.toISOString();
  return new Date(
    `${ajouterMois(instant.slice(0, 10), DUREE_CONSERVATION_CV_MOIS)}${instant.slice(10)}`,
  );
}
