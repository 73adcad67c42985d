import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** A seeded generator: the same seed gives the same demo data on every machine. */
export type Hasard = {
  entier: (min: number, max: number) => number;
  choisir: <T>(liste: readonly T[]) => T;
};

export function creerHasard(graine: number): Hasard {
  const rng = xoroshiro128plus(graine);
  const entier = (min: number, max: number) => uniformInt(rng, min, max);
  return {
    entier,
    choisir: <T>(liste: readonly T[]) => {
      if (liste.length === 0) throw new Error("Choix dans une liste vide");
      return liste[entier(0, liste.length - 1)] as T;
    },
  };
}
