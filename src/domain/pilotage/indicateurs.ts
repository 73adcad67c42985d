/**
 * Indicators of the programme's steering dashboards (docs/domaine/statistiques-et-opendata.md §2.2). The
 * server counts; the definitions that combine counts live here, once, for every scope.
 */

/** The levels a table of territories breaks down to. */
export const NIVEAUX = ["region", "departement", "arrondissement"] as const;
export type Niveau = (typeof NIVEAUX)[number];

export const LIBELLES_NIVEAU: Record<Niveau, string> = {
  region: "Région",
  departement: "Département",
  arrondissement: "Arrondissement",
};

/** What is counted for one territory (or for the whole scope). */
export type Comptes = {
  dotation: number;
  dotationProposition: number;
  pourvus: number;
  recrutes: number;
  /** Recruited in public-sector structures. */
  recrutesPublic: number;
  vacants: number;
  /** Days of vacancy summed over vacant posts: additive, unlike a mean. */
  vacanceJoursCumul: number;
  vacanceJoursMax: number | null;
  recrutementsEnRetard: number;
  contratsNonSignesEnRetard: number;
  actives: number;
  actifs: number;
  enFormation: number;
  formes: number;
  certifies: number;
  demandesEnAttenteAvis: number;
  activites: number;
  accompagnements: number;
  dejaAccompagnes: number;
};

export type Indicateurs = Comptes & {
  vacanceJoursMoyenne: number | null;
  /** Share of the recruited in public structures, in %, one decimal. */
  partPublic: number | null;
  inactifs: number;
  tauxActivation: number | null;
  personnes: number;
};

export const COMPTES_VIDES: Comptes = {
  dotation: 0,
  dotationProposition: 0,
  pourvus: 0,
  recrutes: 0,
  recrutesPublic: 0,
  vacants: 0,
  vacanceJoursCumul: 0,
  vacanceJoursMax: null,
  recrutementsEnRetard: 0,
  contratsNonSignesEnRetard: 0,
  actives: 0,
  actifs: 0,
  enFormation: 0,
  formes: 0,
  certifies: 0,
  demandesEnAttenteAvis: 0,
  activites: 0,
  accompagnements: 0,
  dejaAccompagnes: 0,
};

/** A part of a whole in %, one decimal; no rate without a whole. */
export function pourcentage(part: number, tout: number): number | null {
  if (tout <= 0) return null;
  return Math.round((part * 1000) / tout) / 10;
}

/** Activated ÷ dotation in %, one decimal; no rate without a dotation. */
export const tauxActivation = (actives: number, dotation: number) => pourcentage(actives, dotation);

export function indicateurs(c: Comptes): Indicateurs {
  return {
    ...c,
    vacanceJoursMoyenne: c.vacants > 0 ? Math.round(c.vacanceJoursCumul / c.vacants) : null,
    inactifs: Math.max(0, c.dotation - c.actives),
    tauxActivation: tauxActivation(c.actives, c.dotation),
    partPublic: pourcentage(c.recrutesPublic, c.recrutes),
    // The original CSV's "Personnes totales accompagnées".
    personnes: c.accompagnements - c.dejaAccompagnes,
  };
}

/** Sums territories into their scope's total; the longest vacancy is the largest one. */
export function additionner(lignes: readonly Comptes[]): Comptes {
  const total = { ...COMPTES_VIDES };
  for (const l of lignes) {
    for (const cle of Object.keys(COMPTES_VIDES) as (keyof Comptes)[]) {
      if (cle === "vacanceJoursMax") continue;
      total[cle] += l[cle] ?? 0;
    }
    if (l.vacanceJoursMax !== null)
      total.vacanceJoursMax = Math.max(total.vacanceJoursMax ?? 0, l.vacanceJoursMax);
  }
  return total;
}

/** Columns of the territories table a reader may sort on: anything else is refused. */
export const TRIS = [
  "nom",
  "dotation",
  "recrutes",
  "actives",
  "tauxActivation",
  "actifs",
  "vacants",
  "recrutementsEnRetard",
  "activites",
  "personnes",
] as const;
export type Tri = (typeof TRIS)[number];

export function trier<T extends Indicateurs & { nom: string; code: string }>(
  lignes: readonly T[],
  tri: Tri,
  ordre: "asc" | "desc",
): T[] {
  const signe = ordre === "asc" ? 1 : -1;
  return [...lignes].sort((a, b) => {
    const x = a[tri];
    const y = b[tri];
    const d =
      typeof x === "string" || typeof y === "string"
        ? String(x).localeCompare(String(y), "fr")
        : (x ?? -1) - (y ?? -1);
    return d !== 0 ? signe * d : a.code.localeCompare(b.code);
  });
}
