/** Where a mail stands: waiting, handed to the SMTP server, only logged (no server), failed. */
export const STATUTS_COURRIEL = ["en_attente", "envoye", "journalise", "echec"] as const;
export type StatutCourriel = (typeof STATUTS_COURRIEL)[number];

/** Attempts after which a failed mail is left for the ANCT to look at (wrong address…). */
export const TENTATIVES_COURRIEL_MAX = 5;

const JETON_DANS_UN_LIEN = /([?&]jeton=)[A-Za-z0-9_-]+/g;

/** The text with the token of every link masked: a text that may rest in the database or a log. */
export function masquerJetons(texte: string): string {
  return texte.replace(JETON_DANS_UN_LIEN, "$1[masqué]");
}

export function contientUnJeton(texte: string): boolean {
  return texte.search(JETON_DANS_UN_LIEN) >= 0;
}
