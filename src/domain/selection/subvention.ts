/** A dated subsidy rule (docs/domaine/programme.md §5.2). */
export type RegleSubvention = {
  id: string;
  secteur: string;
  territoires: readonly string[];
  phase: number;
  montantCents: number;
  dureeMois: number;
  applicableDu: string;
  applicableAu: string | null;
};

/**
 * The rule a post takes at its attribution: same sector and phase, in force that day, naming
 * the post's territory if such a rule exists, else the general one.
 */
export function regleApplicable(
  regles: readonly RegleSubvention[],
  poste: { secteur: string; departementCode: string; dateAttribution: string; phase?: number },
): RegleSubvention | undefined {
  const enVigueur = regles.filter(
    (r) =>
      r.secteur === poste.secteur &&
      r.phase === (poste.phase ?? 1) &&
      r.applicableDu <= poste.dateAttribution &&
      (r.applicableAu === null || poste.dateAttribution <= r.applicableAu),
  );
  return (
    enVigueur.find((r) => r.territoires.includes(poste.departementCode)) ??
    enVigueur.find((r) => r.territoires.length === 0)
  );
}

/** Attribution + 1 month, the last day of the month when it is shorter (31 Jan → 28/29 Feb). */
export function dateLimiteRecrutement(dateAttribution: string): string {
  const [a, m, j] = dateAttribution.split("-").map(Number) as [number, number, number];
  const dernierJour = new Date(Date.UTC(a, m + 1, 0)).getUTCDate();
  const cible = new Date(Date.UTC(a, m, Math.min(j, dernierJour)));
  return cible.toISOString().slice(0, 10);
}
