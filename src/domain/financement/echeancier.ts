import { droitCentsAu, type Periode, type RegleDuPoste } from "./droits.ts";

/** How the financeur pays (configuration, not constants: docs/domaine/financement.md). */
export type RegleVersement = {
  /** Share of the cap paid when the recruitment is validated, in percent. */
  avancePourcent: number;
  /** The entitlement is called in arrears at the end of each period of this many months. */
  periodeMois: number;
};

export type SituationPoste = {
  droitCents: number;
  appeleCents: number;
  verseCents: number;
  duCents: number;
  tropPercuCents: number;
  /** The last day whose entitlement the schedule calls for (end of the last full period). */
  arrete: string | null;
};

/** The last day of the last whole period (calendar months grouped from January) before `au`. */
export function dernierArrete(au: string, periodeMois: number): string {
  const d = new Date(`${au}T00:00:00Z`);
  const mois = d.getUTCFullYear() * 12 + d.getUTCMonth();
  // The period containing `au` is not over unless `au` is its last day.
  const lendemain = new Date(d.getTime() + 86_400_000);
  const finie = lendemain.getUTCMonth() !== d.getUTCMonth() && (mois + 1) % periodeMois === 0;
  const debutPeriode = mois - (mois % periodeMois);
  const fin = finie ? mois + 1 : debutPeriode;
  return new Date(Date.UTC(Math.floor(fin / 12), fin % 12, 0)).toISOString().slice(0, 10);
}

/**
 * Where a post stands on a day: entitlement to date, what the schedule calls for (the advance
 * once the recruitment is validated, then the entitlement at the last closed period, never
 * above the cap), what was paid, what is due, and what is owed back once the post is closed.
 */
export function situationDuPoste(params: {
  regle: RegleDuPoste;
  versement: RegleVersement;
  /** Day the first recruitment on the post was validated; null: nothing called yet. */
  validation: string | null;
  periodes: Periode[];
  verseCents: number;
  /** The post is given back or its subsidy period is over: the entitlement is final. */
  clos: boolean;
  au: string;
}): SituationPoste {
  const droit = droitCentsAu(params.regle, params.periodes, params.au);
  if (!params.validation || params.validation > params.au)
    return {
      droitCents: droit,
      appeleCents: 0,
      verseCents: params.verseCents,
      duCents: 0,
      tropPercuCents: params.clos ? Math.max(0, params.verseCents - droit) : 0,
      arrete: null,
    };
  const avance = Math.floor((params.regle.plafondCents * params.versement.avancePourcent) / 100);
  const arrete = params.clos ? params.au : dernierArrete(params.au, params.versement.periodeMois);
  const droitArrete = droitCentsAu(params.regle, params.periodes, arrete);
  const appele = params.clos
    ? droit
    : Math.min(params.regle.plafondCents, Math.max(avance, droitArrete));
  return {
    droitCents: droit,
    appeleCents: appele,
    verseCents: params.verseCents,
    duCents: Math.max(0, appele - params.verseCents),
    tropPercuCents: params.clos ? Math.max(0, params.verseCents - droit) : 0,
    arrete,
  };
}

/** The ledger's work queues: posts with something due, posts that were paid too much. */
export const FILES_GRAND_LIVRE = ["a_verser", "trop_percu"] as const;
export type FileGrandLivre = (typeof FILES_GRAND_LIVRE)[number];
