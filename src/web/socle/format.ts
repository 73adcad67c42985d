/** How dates and amounts read on the platform: French, Paris time. */
export const dateLongue = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeZone: "Europe/Paris",
});

export const euros = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});

export const dateHeure = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** Euros typed the French way (« 1 800,50 ») to cents; NaN when unreadable. */
export function centimes(saisie: string): number {
  const propre = saisie.replace(/[\s\u202f€]/g, "").replace(",", ".");
  return propre === "" ? Number.NaN : Math.round(Number(propre) * 100);
}

/** A calendar day (AAAA-MM-JJ) as « 31/03/2026 », whatever the browser's time zone. */
export function jourCourt(jour: string): string {
  return new Date(`${jour}T12:00:00Z`).toLocaleDateString("fr-FR", { timeZone: "UTC" });
}

const POURCENT = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** A rate already in % (one decimal) as « 64,1 % »; a dash when there is none. */
export function pourcent(taux: number | null): string {
  return taux === null ? "—" : `${POURCENT.format(taux)} %`;
}

/** The parts that are known, joined by « – »: an unknown value is left out, never shown as « — ». */
export function joindre(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join(" – ");
}
