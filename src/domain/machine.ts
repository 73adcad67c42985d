import { echec, type Refus, type Resultat, reussite } from "./erreurs.ts";

/**
 * A state machine as a table of allowed transitions: anything not listed is refused with a
 * French message naming the current status and the attempted action (or the machine's own
 * `refus`). An event that carries data is then checked by its guard, whose refusal is the
 * transition's: the one style of every workflow of the programme.
 */
export function machine<S extends string, E extends string>(params: {
  libellesStatuts: Record<S, string>;
  libellesEvenements: Record<E, string>;
  transitions: Partial<Record<E, Partial<Record<S, S>>>>;
  refus?: (statut: S, evenement: E) => string;
}) {
  return (statut: S, evenement: E, garde?: () => Refus | null): Resultat<S> => {
    const vers = params.transitions[evenement]?.[statut];
    if (!vers)
      return echec(
        "statut",
        params.refus?.(statut, evenement) ??
          `Impossible depuis le statut « ${params.libellesStatuts[statut]} » : ${params.libellesEvenements[evenement]}.`,
      );
    return garde?.() ?? reussite(vers);
  };
}

/** The same arrival from several statuses: `{ deposee: "acceptee", complement_demande: "acceptee" }`. */
export function depuis<S extends string>(statuts: readonly S[], vers: S): Partial<Record<S, S>> {
  return Object.fromEntries(statuts.map((s) => [s, vers])) as Partial<Record<S, S>>;
}
