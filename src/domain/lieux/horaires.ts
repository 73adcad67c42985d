/**
 * Opening hours as edited (a weekly grid, morning and afternoon per day) and as stored (the OSM
 * `opening_hours` string of the national standard), docs/domaine/lieux-et-carte.md §2.
 */
export const JOURS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] as const;
export type Jour = (typeof JOURS)[number];
export const LIBELLES_JOURS: Record<Jour, string> = {
  Mo: "Lundi",
  Tu: "Mardi",
  We: "Mercredi",
  Th: "Jeudi",
  Fr: "Vendredi",
  Sa: "Samedi",
  Su: "Dimanche",
};

/** One open slot, "HH:MM" to "HH:MM". */
export type Creneau = { debut: string; fin: string };
/** Each day's slots in order (at most a morning and an afternoon); an empty list is closed. */
export type Grille = Record<Jour, Creneau[]>;

export const GRILLE_FERMEE: Grille = { Mo: [], Tu: [], We: [], Th: [], Fr: [], Sa: [], Su: [] };

const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The grid's problems, in French, one per faulty day; empty when it can be saved. */
export function problemesGrille(g: Grille): string[] {
  const problemes: string[] = [];
  for (const j of JOURS) {
    const creneaux = g[j];
    const valides = creneaux.every(
      (c) => HEURE.test(c.debut) && HEURE.test(c.fin) && c.debut < c.fin,
    );
    const ordonnes = creneaux.every((c, i) => i === 0 || creneaux[i - 1]!.fin <= c.debut);
    if (!valides || !ordonnes)
      problemes.push(
        `${LIBELLES_JOURS[j]} : chaque créneau doit commencer avant de finir, sans chevaucher le précédent.`,
      );
  }
  return problemes;
}

const creneauxOsm = (c: Creneau[]) => c.map((x) => `${x.debut}-${x.fin}`).join(",");

/** "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00": consecutive days with the same slots grouped. */
export function versOsm(g: Grille): string {
  const parties: string[] = [];
  let i = 0;
  while (i < JOURS.length) {
    const cle = creneauxOsm(g[JOURS[i]!]);
    let j = i;
    while (j + 1 < JOURS.length && creneauxOsm(g[JOURS[j + 1]!]) === cle) j++;
    if (cle) parties.push(`${i === j ? JOURS[i] : `${JOURS[i]}-${JOURS[j]}`} ${cle}`);
    i = j + 1;
  }
  return parties.join("; ");
}

/**
 * Back to the grid, for the rules the grid writes (day ranges and lists with time slots). Any
 * other OSM construct gives null: the form then offers the raw field instead.
 */
export function depuisOsm(texte: string | null): Grille | null {
  const g: Grille = { Mo: [], Tu: [], We: [], Th: [], Fr: [], Sa: [], Su: [] };
  if (!texte?.trim()) return g;
  for (const regle of texte
    .split(";")
    .map((r) => r.trim())
    .filter(Boolean)) {
    const m = regle.match(/^([A-Z][a-z](?:-[A-Z][a-z])?(?:,[A-Z][a-z](?:-[A-Z][a-z])?)*) (\S+)$/);
    if (!m) return null;
    const creneaux: Creneau[] = [];
    for (const plage of m[2]!.split(",")) {
      const [debut, fin] = plage.split("-");
      if (!debut || !fin || !HEURE.test(debut) || !HEURE.test(fin)) return null;
      creneaux.push({ debut, fin });
    }
    for (const groupe of m[1]!.split(",")) {
      const [de, a] = groupe.split("-") as [Jour, Jour | undefined];
      const i = JOURS.indexOf(de);
      const j = a ? JOURS.indexOf(a) : i;
      if (i < 0 || j < i) return null;
      for (let k = i; k <= j; k++) g[JOURS[k]!] = creneaux;
    }
  }
  return g;
}
