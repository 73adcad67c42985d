import OpeningHours from "opening_hours";
import { JOURS, LIBELLES_JOURS } from "./horaires.ts";

/** Overseas places keep their own clock; everything else is on Paris time. */
const FUSEAUX: Record<string, string> = {
  "971": "America/Guadeloupe",
  "972": "America/Martinique",
  "973": "America/Cayenne",
  "974": "Indian/Reunion",
  "975": "America/Miquelon",
  "976": "Indian/Mayotte",
  "977": "America/St_Barthelemy",
  "978": "America/Marigot",
  "987": "Pacific/Tahiti",
  "988": "Pacific/Noumea",
};

export const fuseauDe = (departementCode: string | null): string =>
  (departementCode && FUSEAUX[departementCode]) || "Europe/Paris";

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock time of an instant in a time zone, as a Date whose *local* fields carry it:
 * `opening_hours` reads local fields, and the server's own zone is not the place's.
 */
export function heureMurale(instant: Date, fuseau: string): Date {
  let format = formats.get(fuseau);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: fuseau,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(fuseau, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, x.value]));
  return new Date(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
}

const analyses = new Map<string, OpeningHours | null>();

/** Parsed once per distinct string; an unparseable string means "no hours", never an error. */
export function horairesAnalyses(texte: string | null): OpeningHours | null {
  if (!texte?.trim()) return null;
  if (analyses.has(texte)) return analyses.get(texte) ?? null;
  let oh: OpeningHours | null = null;
  try {
    oh = new OpeningHours(texte, null, 0);
  } catch {
    oh = null;
  }
  if (analyses.size > 50_000) analyses.clear();
  analyses.set(texte, oh);
  return oh;
}

export type EtatOuverture = {
  ouvert: boolean;
  /** "Ferme à 12:00", "Ouvre lundi à 09:00"; null when nothing changes within a week. */
  prochainChangement: string | null;
};

const hhmm = (d: Date) =>
  `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;

// Within one minute a place's state cannot change: a list of places sharing hours computes once.
let minuteDuCache = -1;
const etats = new Map<string, EtatOuverture | null>();

/** Open now, and when that changes, in the place's own time (docs/domaine/lieux-et-carte.md §2). */
export function etatOuverture(
  texte: string | null,
  maintenant: Date,
  fuseau = "Europe/Paris",
): EtatOuverture | null {
  if (!texte?.trim()) return null;
  const minute = Math.floor(maintenant.getTime() / 60_000);
  if (minute !== minuteDuCache) {
    etats.clear();
    minuteDuCache = minute;
  }
  const cle = `${fuseau}|${texte}`;
  if (etats.has(cle)) return etats.get(cle) ?? null;
  const etat = calculerEtat(texte, new Date(minute * 60_000), fuseau);
  if (etats.size < 10_000) etats.set(cle, etat);
  return etat;
}

function calculerEtat(texte: string, maintenant: Date, fuseau: string): EtatOuverture | null {
  const oh = horairesAnalyses(texte);
  if (!oh) return null;
  const ici = heureMurale(maintenant, fuseau);
  const ouvert = oh.getState(ici);
  const limite = new Date(ici.getTime() + 7 * 24 * 3600 * 1000);
  const suivant = oh.getNextChange(ici, limite);
  if (!suivant) return { ouvert, prochainChangement: null };
  const memeJour = suivant.toDateString() === ici.toDateString();
  const jour = LIBELLES_JOURS[JOURS[(suivant.getDay() + 6) % 7]!].toLowerCase();
  const quand = memeJour ? `à ${hhmm(suivant)}` : `${jour} à ${hhmm(suivant)}`;
  return { ouvert, prochainChangement: `${ouvert ? "Ferme" : "Ouvre"} ${quand}` };
}

/** Open at some point on the coming Saturday or Sunday. */
export function ouvertLeWeekEnd(texte: string | null): boolean {
  const oh = horairesAnalyses(texte);
  if (!oh) return false;
  // A fixed reference week: weekly hours do not depend on the date (holidays aside).
  const samedi = new Date(2026, 0, 3, 0, 0);
  const lundi = new Date(2026, 0, 5, 0, 0);
  return oh.getOpenIntervals(samedi, lundi).length > 0;
}

/** The weekly table of a place: each day's open slots, "Fermé" when none. */
export function semaineType(texte: string | null): { jour: string; creneaux: string[] }[] | null {
  const oh = horairesAnalyses(texte);
  if (!oh) return null;
  const lundi = new Date(2026, 0, 5, 0, 0);
  return JOURS.map((j, i) => {
    const debut = new Date(lundi.getTime() + i * 24 * 3600 * 1000);
    const fin = new Date(debut.getTime() + 24 * 3600 * 1000);
    const creneaux = oh
      .getOpenIntervals(debut, fin)
      .map(([de, a]) => `${hhmm(de)} – ${a.getTime() === fin.getTime() ? "24:00" : hhmm(a)}`);
    return { jour: LIBELLES_JOURS[j], creneaux };
  });
}
