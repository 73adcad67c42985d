/** A failure the user can cause, shown next to the field it concerns. */
export type Erreur = { champ: string; message: string };

/**
 * The kind of a refusal, the one thing the HTTP layer needs to choose its status: `invalide` (the
 * input breaks a rule), `introuvable` (nothing of that id in the asker's reach), `interdit` (it
 * exists, it is not theirs to change), `conflit` (the current state does not allow it).
 */
export type GenreRefus = "invalide" | "introuvable" | "interdit" | "conflit";

/** Without a kind, a refusal is `invalide`: what the domain's own checks return. */
export type Refus = { ok: false; erreurs: Erreur[]; genre?: Exclude<GenreRefus, "invalide"> };

export type Resultat<T> = { ok: true; valeur: T } | Refus;

export const reussite = <T>(valeur: T): Resultat<T> => ({ ok: true, valeur });

/** A value checked by a schema, as a result: each issue becomes an `invalide` field error. */
export function verifier<T>(
  schema: {
    safeParse: (
      v: unknown,
    ) =>
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  valeur: unknown,
): Resultat<T> {
  const r = schema.safeParse(valeur);
  if (r.success) return reussite(r.data);
  return {
    ok: false,
    erreurs: r.error.issues.map((i) => ({
      champ: i.path.map(String).join("."),
      message: i.message,
    })),
  };
}

export const echec = (champ: string, message: string): Refus => ({
  ok: false,
  erreurs: [{ champ, message }],
});

const refus = (genre: Exclude<GenreRefus, "invalide">, champ: string, message: string): Refus => ({
  ok: false,
  genre,
  erreurs: [{ champ, message }],
});

/** A refusal the current state causes: « déjà en cours », « seul un contrat actif… ». */
export const conflit = (champ: string, message: string): Refus => refus("conflit", champ, message);

/** A domain check's refusal that, at this step, is a conflict with the current state. */
export const enConflit = (r: Refus): Refus => ({ ...r, genre: "conflit" });

export const introuvable = (message: string, champ = "id"): Refus =>
  refus("introuvable", champ, message);

export const interdit = (message: string, champ = "id"): Refus => refus("interdit", champ, message);
