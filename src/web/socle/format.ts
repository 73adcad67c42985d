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

/** Amounts kept to the cent (the subsidy ledger). */
export const eurosCentimes = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** Euros typed the French way (« 1 800,50 ») to cents; NaN when unreadable. */
export function centimes(saisie: string): number {
  const propre = saisie.replace(/[\s\u202f€]/g, "").replace(",", ".");
  return propre === "" ? Number.NaN : Math.round(Number(propre) * 100);
}
