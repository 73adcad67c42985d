import { droitsDuPoste, type Periode, type RegleDuPoste } from "../financement/droits.ts";
import { ajouterMois } from "../temps.ts";

/**
 * The State's envelope for the posts (docs/domaine/programme.md §3): 200 M€, i.e. 4,000 posts × 50,000 €.
 * Integer cents, like every amount of the ledger.
 */
export const ENVELOPPE_POSTES_CENTS = 200_000_000 * 100;

/**
 * What a post will have cost when its current contracts end: each contract runs to its end
 * date, an open-ended one until the cap is reached; a vacant post accrues nothing more.
 */
export function droitsPrevus(regle: RegleDuPoste, periodes: Periode[]): number {
  if (periodes.length === 0) return 0;
  const fins = periodes.map((p) => p.fin ?? ajouterMois(p.debut, regle.dureeMois));
  const au = [...fins].sort().at(-1)!;
  return droitsDuPoste(regle, periodes, au).droitCents;
}

export type SommesEnveloppe = {
  postes: number;
  accordeCents: number;
  engageCents: number;
  droitCents: number;
  verseCents: number;
  prevuCents: number;
};

export const SOMMES_VIDES: SommesEnveloppe = {
  postes: 0,
  accordeCents: 0,
  engageCents: 0,
  droitCents: 0,
  verseCents: 0,
  prevuCents: 0,
};

export function ajouter(a: SommesEnveloppe, b: Partial<SommesEnveloppe>): SommesEnveloppe {
  const r = { ...a };
  for (const cle of Object.keys(SOMMES_VIDES) as (keyof SommesEnveloppe)[]) r[cle] += b[cle] ?? 0;
  return r;
}
