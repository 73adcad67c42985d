import { echec, type Resultat, reussite } from "./erreurs.ts";

/**
 * A state machine as a table of allowed transitions: anything not listed is refused with a
 * French message naming the current status and the attempted action.
 */
export function machine<S extends string, E extends string>(params: {
  libellesStatuts: Record<S, string>;
  libellesEvenements: Record<E, string>;
  transitions: Partial<Record<E, Partial<Record<S, S>>>>;
}) {
  return (statut: S, evenement: E): Resultat<S> => {
    const vers = params.transitions[evenement]?.[statut];
    if (vers) return reussite(vers);
    return echec(
      "statut",
      `Impossible depuis le statut « ${params.libellesStatuts[statut]} » : ${params.libellesEvenements[evenement]}.`,
    );
  };
}
