import { sql } from "drizzle-orm";
import { droitCentsAu } from "../../domain/financement/droits.ts";
import {
  ajouter,
  droitsPrevus,
  SOMMES_VIDES,
  type SommesEnveloppe,
} from "../../domain/pilotage/enveloppe.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { lirePeriodes, periodesSql } from "../financement/index.ts";

export type LigneEnveloppe = SommesEnveloppe & { code: string; nom: string };

/**
 * The envelope per région or per département (of a région): caps granted, committed (posts
 * filled), entitlement to date, paid, and the forecast when current contracts end. One read of
 * the posts with their contracts, one of the payments; the arithmetic is the domain's.
 */
export async function enveloppeParTerritoire(
  tx: Executeur,
  params: { decoupage: "region" | "departement"; region?: string | undefined; aujourdhui: string },
): Promise<LigneEnveloppe[]> {
  const cle = params.decoupage === "region" ? sql`departement.region_code` : sql`departement.code`;
  const dansRegion = params.region ? sql`departement.region_code = ${params.region}` : sql`true`;
  const territoires = await lignes<{ code: string; nom: string }>(
    tx,
    params.decoupage === "region"
      ? sql`select code, nom from region order by code`
      : sql`select code, nom from departement where ${dansRegion} order by code`,
  );
  const postes = await lignes<{
    code: string;
    statut: string;
    plafond_cents: number;
    duree_mois: number;
    pourvu: boolean;
    periodes: Parameters<typeof lirePeriodes>[0];
  }>(
    tx,
    sql`select ${cle} as code, p.statut, p.plafond_cents, p.duree_mois,
          exists (select 1 from contrat k where k.poste_id = p.id
                  and k.statut in ('declare', 'actif')) as pourvu,
          ${periodesSql(sql`p.id`, "prevues")} as periodes
        from poste p
        join structure s on s.id = p.structure_id
        join departement on departement.code = s.departement_code
        where ${dansRegion}`,
  );
  const verses = await lignes<{ code: string; cents: string }>(
    tx,
    sql`select ${cle} as code, sum(v.montant_cents)::bigint::text as cents
        from versement v
        join structure s on s.id = v.structure_id
        join departement on departement.code = s.departement_code
        where ${dansRegion}
        group by 1`,
  );
  const parCode = new Map<string, SommesEnveloppe>();
  const cumuler = (code: string, s: Partial<SommesEnveloppe>) =>
    parCode.set(code, ajouter(parCode.get(code) ?? SOMMES_VIDES, s));
  for (const p of postes) {
    const regle = { plafondCents: p.plafond_cents, dureeMois: p.duree_mois };
    // A running contract to its planned end: the day asked bounds the entitlement to date.
    const periodes = lirePeriodes(p.periodes);
    const accorde = p.statut === "rendu" ? 0 : p.plafond_cents;
    const droit = droitCentsAu(regle, periodes, params.aujourdhui);
    cumuler(p.code, {
      postes: p.statut === "rendu" ? 0 : 1,
      accordeCents: accorde,
      engageCents: p.pourvu ? accorde : 0,
      droitCents: droit,
      prevuCents: Math.max(droit, droitsPrevus(regle, periodes)),
    });
  }
  for (const v of verses) cumuler(v.code, { verseCents: Number(v.cents) });
  return territoires.map((t) => ({ ...t, ...(parCode.get(t.code) ?? SOMMES_VIDES) }));
}
