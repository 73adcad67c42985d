/**
 * The State's subsidy per post (docs/domaine/programme.md §5): the entitlement accrues month by month over
 * the time a contract actually fills the post, up to the rule's duration and up to its cap, and
 * stops at a rupture to resume with the next contract. All amounts are integer cents.
 *
 * Time is counted in exact fractions of calendar months (a day of February 2028 is 1/29 of a
 * month, a day of March 1/31), as integers: one month is `UNITES_PAR_MOIS` units, a common
 * multiple of 28, 29, 30 and 31, so no rounding happens before the final amount.
 */
export const UNITES_PAR_MOIS = 377_580;

/** A contract's span on the post: `fin` is its last day, null while it runs. */
export type Periode = { debut: string; fin: string | null };

export type RegleDuPoste = { plafondCents: number; dureeMois: number };

const JOUR_MS = 86_400_000;
const jour = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The spans merged: two contracts on the same days count those days once. */
function fusionnerPeriodes(periodes: Periode[], au: string): [number, number][] {
  const bornes = periodes
    .map((p) => [jour(p.debut), Math.min(jour(p.fin ?? au), jour(au))] as [number, number])
    .filter(([d, f]) => d <= f)
    .sort((a, b) => a[0] - b[0]);
  const fusion: [number, number][] = [];
  for (const [d, f] of bornes) {
    const dernier = fusion.at(-1);
    if (dernier && d <= dernier[1] + JOUR_MS) dernier[1] = Math.max(dernier[1], f);
    else fusion.push([d, f]);
  }
  return fusion;
}

/**
 * Time filled per calendar month, in month order: `mois` holds year × 12 + month (0-based), and
 * `unites` the time filled in it, in units of 1/UNITES_PAR_MOIS of a month. Months are walked
 * as numbers: a national ledger runs this twice for each of thousands of posts, and a `Date`, an
 * ISO string, a map entry and a sort per month cost more than the arithmetic. The merged spans
 * are ordered and apart, so a month can only repeat right after itself.
 */
function tempsRempliOrdonne(periodes: Periode[], au: string): { mois: number[]; unites: number[] } {
  const mois: number[] = [];
  const unites: number[] = [];
  for (const [debut, fin] of fusionnerPeriodes(periodes, au)) {
    const d = new Date(debut);
    let m = d.getUTCFullYear() * 12 + d.getUTCMonth();
    let t = debut;
    while (t <= fin) {
      const debutDuMois = Date.UTC(Math.floor(m / 12), m % 12, 1);
      const debutDuSuivant = Date.UTC(Math.floor(m / 12), (m % 12) + 1, 1);
      const dernier = Math.min(fin, debutDuSuivant - JOUR_MS);
      const jours = Math.round((dernier - t) / JOUR_MS) + 1;
      const joursDuMois = Math.round((debutDuSuivant - debutDuMois) / JOUR_MS);
      const u = (jours * UNITES_PAR_MOIS) / joursDuMois;
      if (mois.at(-1) === m) unites[unites.length - 1]! += u;
      else {
        mois.push(m);
        unites.push(u);
      }
      t = dernier + JOUR_MS;
      m += 1;
    }
  }
  return { mois, unites };
}

const cleMois = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

/** Time filled per calendar month ("AAAA-MM"), in units of 1/UNITES_PAR_MOIS of a month. */
export function tempsRempliParMois(periodes: Periode[], au: string): Map<string, number> {
  const { mois, unites } = tempsRempliOrdonne(periodes, au);
  return new Map(mois.map((m, i) => [cleMois(m), unites[i]!]));
}

export type Droits = {
  /** Entitlement to date, in cents, never above the cap. */
  droitCents: number;
  /** Months filled so far, capped at the rule's duration (two decimals). */
  moisRemplis: number;
  /** What each calendar month added; their sum is `droitCents`. */
  parMois: { mois: string; cents: number }[];
};

/**
 * The entitlement of a post on a day (docs/domaine/financement.md): each calendar month adds
 * the monthly share (cap ÷ duration) × days filled ÷ days in the month, rounded down to the
 * cent; the month that reaches the cap takes the remainder, so that a fully used post totals
 * exactly its cap, and nothing accrues after.
 */
export function droitsDuPoste(regle: RegleDuPoste, periodes: Periode[], au: string): Droits {
  const parMois: Droits["parMois"] = [];
  const { droitCents, unites } = accumuler(regle, periodes, au, (m, cents) =>
    parMois.push({ mois: cleMois(m), cents }),
  );
  return {
    droitCents,
    moisRemplis: Math.round((unites / UNITES_PAR_MOIS) * 100) / 100,
    parMois,
  };
}

/** The entitlement alone (the ledger asks it twice per post): no month named. */
export const droitCentsAu = (regle: RegleDuPoste, periodes: Periode[], au: string): number =>
  accumuler(regle, periodes, au).droitCents;

/** The month-by-month accrual both read; `mois` hears each month that added cents. */
function accumuler(
  regle: RegleDuPoste,
  periodes: Periode[],
  au: string,
  mois?: (m: number, cents: number) => void,
): { droitCents: number; unites: number } {
  const plafondUnites = regle.dureeMois * UNITES_PAR_MOIS;
  const remplis = tempsRempliOrdonne(periodes, au);
  let unites = 0;
  let acquis = 0;
  for (let i = 0; i < remplis.mois.length; i++) {
    if (unites >= plafondUnites) break;
    const comptees = Math.min(remplis.unites[i]!, plafondUnites - unites);
    unites += comptees;
    const cents =
      unites === plafondUnites
        ? regle.plafondCents - acquis
        : Math.floor((regle.plafondCents * comptees) / plafondUnites);
    if (cents > 0) mois?.(remplis.mois[i]!, cents);
    acquis += cents;
  }
  return { droitCents: acquis, unites };
}
