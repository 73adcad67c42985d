import { useState } from "react";
import type { Erreur } from "../../domain/erreurs.ts";
import { ErreurApi } from "../api.ts";

type Probleme = { path: PropertyKey[]; message: string };

const concerne = (e: Erreur, champ: string) => e.champ === champ || e.champ.startsWith(`${champ}.`);

/**
 * The errors of one form, from the shared schema before sending or from the API after: each
 * message is shown on its field (DSFR state), the rest above the form.
 */
export function useErreurs() {
  const [erreurs, setErreurs] = useState<Erreur[]>([]);
  const message = (champ: string) => erreurs.find((e) => concerne(e, champ))?.message;
  return {
    erreurs,
    message,
    etat: (champ: string) => ({
      state: message(champ) ? ("error" as const) : ("default" as const),
      stateRelatedMessage: message(champ),
    }),
    /** The first error that belongs to none of the form's fields. */
    generale: (champs: string[]) => erreurs.find((e) => !champs.some((c) => concerne(e, c))),
    depuisSchema: (problemes: Probleme[]) =>
      setErreurs(
        problemes.map((p) => ({ champ: p.path.map(String).join("."), message: p.message })),
      ),
    depuisEchec: (err: unknown, defaut = "L'envoi a échoué.") =>
      setErreurs(err instanceof ErreurApi ? err.erreurs : [{ champ: "", message: defaut }]),
    effacer: () => setErreurs([]),
  };
}
