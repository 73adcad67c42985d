import {
  type Compteurs,
  colonneAccompagnements,
  colonneActivites,
  colonnePersonnes,
  DIMENSIONS_ACTIVITE,
  DIMENSIONS_PERSONNE,
  type DimensionActivite,
  type DimensionPersonne,
} from "./compteurs.ts";
import { pourcentages } from "./cra.ts";

export type LigneRepartition = {
  valeur: string;
  libelle: string;
  activites: number;
  accompagnements: number;
  /** Share of the unit's total, one decimal (themes may sum above 100: one activity, many themes). */
  partActivites: number;
  partAccompagnements: number;
};

export type LignePersonnes = { valeur: string; libelle: string; personnes: number; part: number };

export type Statistiques = {
  totaux: {
    activites: number;
    accompagnements: number;
    dejaAccompagnes: number;
    nouvellesPersonnes: number;
    dureeHeures: number;
    orientations: number;
  };
  repartitions: Record<DimensionActivite, LigneRepartition[]>;
  personnes: Record<DimensionPersonne, LignePersonnes[]>;
};

/** Dimensions where one activity carries several values: shares are not a closed list. */
const MULTIPLES: readonly DimensionActivite[] = ["thematique", "materiel"];

const part = (n: number, total: number) => (total === 0 ? 0 : Math.round((n * 1000) / total) / 10);

/** Counters summed over a scope and a period, read as the statistics pages show them (docs/domaine/cra.md §6–7). */
export function statistiquesDepuis(c: Compteurs): Statistiques {
  const v = (k: string) => c[k] ?? 0;
  const activites = v("activites");
  const accompagnements = v("accompagnements");
  const repartitions = Object.fromEntries(
    (Object.keys(DIMENSIONS_ACTIVITE) as DimensionActivite[]).map((d) => {
      const libelles = DIMENSIONS_ACTIVITE[d] as Record<string, string>;
      const valeurs = Object.keys(libelles);
      const a = Object.fromEntries(valeurs.map((x) => [x, v(colonneActivites(d, x))]));
      const p = Object.fromEntries(valeurs.map((x) => [x, v(colonneAccompagnements(d, x))]));
      // A closed list shares 100 % exactly (largest remainder); a multiple one is per total.
      const ferme = !MULTIPLES.includes(d);
      const pa = ferme ? pourcentages(a) : undefined;
      const pp = ferme ? pourcentages(p) : undefined;
      return [
        d,
        valeurs.map((x) => ({
          valeur: x,
          libelle: libelles[x]!,
          activites: a[x]!,
          accompagnements: p[x]!,
          partActivites: pa ? pa[x]! : part(a[x]!, activites),
          partAccompagnements: pp ? pp[x]! : part(p[x]!, accompagnements),
        })),
      ];
    }),
  ) as Record<DimensionActivite, LigneRepartition[]>;
  const personnes = Object.fromEntries(
    (Object.keys(DIMENSIONS_PERSONNE) as DimensionPersonne[]).map((d) => {
      const libelles = DIMENSIONS_PERSONNE[d] as Record<string, string>;
      const n = Object.fromEntries(
        Object.keys(libelles).map((x) => [x, v(colonnePersonnes(d, x))]),
      );
      const parts = pourcentages(n);
      return [
        d,
        Object.keys(libelles).map((x) => ({
          valeur: x,
          libelle: libelles[x]!,
          personnes: n[x]!,
          part: parts[x]!,
        })),
      ];
    }),
  ) as Record<DimensionPersonne, LignePersonnes[]>;
  return {
    totaux: {
      activites,
      accompagnements,
      dejaAccompagnes: v("deja_accompagnes"),
      nouvellesPersonnes: accompagnements - v("deja_accompagnes"),
      dureeHeures: Math.round((v("duree_minutes") / 60) * 10) / 10,
      orientations: v("orientations"),
    },
    repartitions,
    personnes,
  };
}
