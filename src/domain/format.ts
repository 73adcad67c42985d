/** A whole number the French way, with a narrow no-break space between thousands (2 500). */
export function nombreFr(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

const JOUR_LONG = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });

/** A calendar day (AAAA-MM-JJ) as French readers write it: « 2 avril 2026 ». */
export function jourFr(jour: string): string {
  return JOUR_LONG.format(new Date(`${jour}T00:00:00Z`));
}

const MOMENT_PARIS = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "full",
  timeStyle: "short",
});

/** An instant as a person in France reads an appointment: « mardi 3 mars 2026 à 10:30 ». */
export function momentFr(instant: Date): string {
  return MOMENT_PARIS.format(instant);
}

const EUROS_CENTIMES = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** An amount in integer cents as French readers write it: « 1 800,50 € ». */
export function eurosFr(cents: number): string {
  return EUROS_CENTIMES.format(cents / 100);
}

const PLURIEL = new Intl.PluralRules("fr-FR");

/**
 * A count and its noun agreed the French way (0 and 1 are singular): « 1 poste accordé »,
 * « 12 postes accordés », never « poste(s) ».
 */
export function quantite(n: number, singulier: string, pluriel: string): string {
  return `${nombreFr(n)} ${PLURIEL.select(n) === "one" ? singulier : pluriel}`;
}
