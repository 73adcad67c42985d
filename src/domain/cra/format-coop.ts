import type { LignePersonnes, LigneRepartition, Statistiques } from "./statistiques.ts";
import { THEMATIQUES_DEMARCHES } from "./vocabulaire.ts";

type Serie = { activites: number; accompagnements: number };
export type StatistiquesAvecSeries = Statistiques & {
  parMois: (Serie & { mois: string })[];
  parJour: (Serie & { jour: string })[];
};

const DEMARCHES = "aide_aux_demarches_administratives";

/** A breakdown item of La Coop's partner API: `{ value, label, count, proportion }`. */
type Element = { value: string; label: string; count: number; proportion: number };

/** Percentages with three decimals, as La Coop publishes them. */
const proportion = (n: number, total: number) =>
  total === 0 ? 0 : Math.round((n * 100_000) / total) / 1000;

const activites = (lignes: LigneRepartition[], total: number): Element[] =>
  lignes.map((l) => ({
    value: l.valeur,
    label: l.libelle,
    count: l.activites,
    proportion: proportion(l.activites, total),
  }));

const personnes = (lignes: LignePersonnes[], total: number): Element[] =>
  lignes.map((l) => ({
    value: l.valeur,
    label: l.libelle,
    count: l.personnes,
    proportion: proportion(l.personnes, total),
  }));

const MOIS = new Intl.DateTimeFormat("fr-FR", { month: "long", timeZone: "UTC" });

/**
 * Our statistics in the shape of La Coop's `GET /api/v1/statistiques`, so that its partners can
 * switch (docs/domaine/statistiques-et-opendata.md §5.2): we keep no beneficiary rows, so beneficiaries are
 * the accompaniments, "nouveaux" those not already helped, all anonymous.
 */
export function versFormatCoop(s: StatistiquesAvecSeries, lien: string) {
  const t = s.totaux;
  const parType = (type: string) => s.repartitions.type.find((l) => l.valeur === type);
  const unite = (type: string, cle: "activites" | "accompagnements", total: number) => {
    const n = parType(type)?.[cle] ?? 0;
    return { total: n, proportion: proportion(n, total) };
  };
  // "Démarches" counts the activities with the administrative theme; its sub-themes apart.
  const demarches = s.repartitions.thematique.filter((l) =>
    THEMATIQUES_DEMARCHES.includes(l.valeur as never),
  );
  const principale = s.repartitions.thematique.find((l) => l.valeur === DEMARCHES);
  const activitesDemarches = principale?.activites ?? 0;
  const accompagnementsDemarches = principale?.accompagnements ?? 0;
  return {
    data: {
      type: "statistiques" as const,
      id: "statistiques" as const,
      attributes: {
        accompagnements_par_jour: s.parJour.map((j) => ({
          label: `${j.jour.slice(8, 10)}/${j.jour.slice(5, 7)}`,
          count: j.accompagnements,
        })),
        accompagnements_par_mois: s.parMois.map((m) => {
          const nom = MOIS.format(new Date(`${m.mois}-01T00:00:00Z`));
          return { label: nom.charAt(0).toUpperCase() + nom.slice(1), count: m.accompagnements };
        }),
        beneficiaires: {
          total: t.accompagnements,
          genres: personnes(s.personnes.genre, t.accompagnements),
          tranche_ages: personnes(s.personnes.age, t.accompagnements),
          statuts_social: personnes(s.personnes.statut, t.accompagnements),
        },
        activites: {
          total: t.activites,
          type_activites: activites(s.repartitions.type, t.activites),
          durees: activites(s.repartitions.duree, t.activites),
          type_lieu: activites(s.repartitions.lieu, t.activites),
          thematiques: activites(s.repartitions.thematique, t.activites),
          thematiques_demarches: activites(demarches, t.activites),
          materiels: activites(s.repartitions.materiel, t.activites),
        },
        totaux: {
          activites: {
            total: t.activites,
            individuels: unite("individuel", "activites", t.activites),
            collectifs: {
              ...unite("collectif", "activites", t.activites),
              participants: parType("collectif")?.accompagnements ?? 0,
            },
            ponctuels: unite("ponctuel", "activites", t.activites),
            demarches: {
              total: activitesDemarches,
              proportion: proportion(activitesDemarches, t.activites),
            },
          },
          accompagnements: {
            total: t.accompagnements,
            individuels: unite("individuel", "accompagnements", t.accompagnements),
            collectifs: unite("collectif", "accompagnements", t.accompagnements),
            ponctuels: unite("ponctuel", "accompagnements", t.accompagnements),
            demarches: {
              total: accompagnementsDemarches,
              proportion: proportion(accompagnementsDemarches, t.accompagnements),
            },
          },
          beneficiaires: {
            total: t.accompagnements,
            nouveaux: t.nouvellesPersonnes,
            suivis: 0,
            anonymes: t.accompagnements,
          },
        },
      },
    },
    links: { self: { href: lien } },
    meta: {},
  };
}
