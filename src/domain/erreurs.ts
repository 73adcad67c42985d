/** A failure the user can cause, shown next to the field it concerns. */
export type Erreur = { champ: string; message: string };

export type Resultat<T> = { ok: true; valeur: T } | { ok: false; erreurs: Erreur[] };

export const reussite = <T>(valeur: T): Resultat<T> => ({ ok: true, valeur });
export const echec = (champ: string, message: string): Resultat<never> => ({
  ok: false,
  erreurs: [{ champ, message }],
});
