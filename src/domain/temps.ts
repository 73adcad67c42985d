/** Durations of the sign-in rules (docs/securite.md), in milliseconds. */
export const DUREE_LIEN_MAGIQUE_MS = 15 * 60 * 1000;
export const DUREE_INVITATION_MS = 28 * 24 * 60 * 60 * 1000;

export function ajouterMs(instant: Date, ms: number): Date {
  return new Date(instant.getTime() + ms);
}

/** A session ends at whichever comes first: idle timeout or absolute lifetime. */
export function sessionExpiree(
  session: { derniereActivite: Date; creeLe: Date },
  maintenant: Date,
  regles: { inactiviteMs: number; absolueMs: number },
): boolean {
  return (
    maintenant.getTime() - session.derniereActivite.getTime() > regles.inactiviteMs ||
    maintenant.getTime() - session.creeLe.getTime() > regles.absolueMs
  );
}

// Building a formatter costs far more than using one.
const FORMAT_JOUR_PARIS = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" });

/** The calendar day in Paris of an instant, as YYYY-MM-DD: the programme's dates are French days. */
export function jourParis(instant: Date): string {
  return FORMAT_JOUR_PARIS.format(instant);
}

/** A calendar day (AAAA-MM-JJ) moved by a number of days, across months and years. */
export function ajouterJours(jour: string, jours: number): string {
  const d = new Date(`${jour}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + jours);
  return d.toISOString().slice(0, 10);
}

/** The Monday (AAAA-MM-JJ) of a calendar day's week: French weeks start on Monday. */
export function lundiDeLaSemaine(jour: string): string {
  const joursDepuisLundi = (new Date(`${jour}T00:00:00Z`).getUTCDay() + 6) % 7;
  return ajouterJours(jour, -joursDepuisLundi);
}

/** The last day (AAAA-MM-JJ) of the month of a calendar day: month-end schedules. */
export function finDuMois(jour: string): string {
  const [a, m] = jour.split("-").map(Number);
  return new Date(Date.UTC(a!, m!, 0)).toISOString().slice(0, 10);
}

/**
 * A calendar day moved by whole months, the platform's one month arithmetic: a day the target
 * month lacks becomes that month's last day (31 January + 1 month = 28 or 29 February), never a
 * day of the month after.
 */
export function ajouterMois(jour: string, mois: number): string {
  const [a, m, j] = jour.split("-").map(Number);
  const cible = new Date(Date.UTC(a!, m! - 1 + mois, 1));
  const dernier = new Date(
    Date.UTC(cible.getUTCFullYear(), cible.getUTCMonth() + 1, 0),
  ).getUTCDate();
  cible.setUTCDate(Math.min(j!, dernier));
  return cible.toISOString().slice(0, 10);
}

const HEURE_PARIS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  hourCycle: "h23",
});

/** The hour (0–23) in Paris of an instant: jobs that wait for the morning. */
export function heureParis(instant: Date): number {
  return Number(HEURE_PARIS.format(instant));
}

const PARTIES_PARIS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** How far Paris's wall clock is ahead of UTC at an instant (ms): 1 h in winter, 2 h in summer. */
function avanceDeParis(t: number): number {
  const p = Object.fromEntries(
    PARTIES_PARIS.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]),
  );
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - (t - (t % 1000));
}

/**
 * The instant of a day and an hour read on a Paris clock (« le 10 mars à 14 h 00 »), across the
 * changes of time: what a conseiller types for a workshop's start.
 */
export function instantParis(jour: string, heure: string): Date {
  const naif = Date.parse(`${jour}T${heure}:00Z`);
  // The offset at the naive instant may be the other side of a change: read it again there.
  const t = naif - avanceDeParis(naif - avanceDeParis(naif));
  return new Date(t);
}

const HEURE_MINUTE_PARIS = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
});

/** The hour and minute in Paris of an instant, as HH:MM. */
export function heureMinuteParis(instant: Date): string {
  return HEURE_MINUTE_PARIS.format(instant);
}
