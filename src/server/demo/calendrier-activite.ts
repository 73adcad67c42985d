import joursFeries from "@socialgouv/jours-feries";

export const JOUR_MS = 86_400_000;

/** Relative activity by weekday (Sunday first): a quieter Friday, a few Saturday workshops. */
const RYTHME_SEMAINE = [0, 0.9, 1.05, 1, 1.05, 0.8, 0.15] as const;

const cle = (annee: number, mois: number, jour: number) =>
  `${annee}-${String(mois + 1).padStart(2, "0")}-${String(jour).padStart(2, "0")}`;

function feries(annee: number): Set<string> {
  // The library builds local-time dates: read them back in local time, whatever the zone.
  return new Set(
    Object.values(joursFeries(annee)).map((d) => cle(d.getFullYear(), d.getMonth(), d.getDate())),
  );
}

/**
 * How much a conseiller works on a day, relative to an ordinary Tuesday: the week's rhythm,
 * nothing on public holidays, the summer and Christmas holidays of the people they help.
 */
export function poidsDuJour(jour: number, ferie: (cle: string) => boolean): number {
  const d = new Date(jour * JOUR_MS);
  const mois = d.getUTCMonth();
  const quantieme = d.getUTCDate();
  if (ferie(cle(d.getUTCFullYear(), mois, quantieme))) return 0;
  let poids = RYTHME_SEMAINE[d.getUTCDay()]!;
  if (mois === 7) poids *= 0.35;
  else if (mois === 6 && quantieme >= 14) poids *= 0.7;
  else if ((mois === 11 && quantieme >= 24) || (mois === 0 && quantieme <= 2)) poids *= 0.3;
  return poids;
}

/** The days from `debut` to `fin` (UTC day numbers, inclusive) with their weights. */
export function calendrier(debut: number, fin: number): Float64Array {
  const parAnnee = new Map<number, Set<string>>();
  const ferie = (c: string) => {
    const annee = Number(c.slice(0, 4));
    const s = parAnnee.get(annee) ?? feries(annee);
    parAnnee.set(annee, s);
    return s.has(c);
  };
  const poids = new Float64Array(Math.max(0, fin - debut + 1));
  for (let j = debut; j <= fin; j++) poids[j - debut] = poidsDuJour(j, ferie);
  return poids;
}

export const numeroDuJour = (iso: string): number => Math.floor(Date.parse(iso) / JOUR_MS);
export const jourIso = (numero: number): string =>
  new Date(numero * JOUR_MS).toISOString().slice(0, 10);
