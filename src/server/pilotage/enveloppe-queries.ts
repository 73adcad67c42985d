import { sql } from "drizzle-orm";
import { droitsDuPoste } from "../../domain/financement/droits.ts";
import {
  ajouter,
  droitsPrevus,
  SOMMES_VIDES,
  type SommesEnveloppe,
} from "../../domain/pilotage/enveloppe.ts";
import { type Executeur, lignes } from "../db/client.ts";

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
    periodes: { debut: string; fin: string | null }[] | null;
  }>(
    tx,
    sql`select ${cle} as code, p.statut, p.plafond_cents, p.duree_mois,
          exists (select 1 from contrat k where k.poste_id = p.id
                  and k.statut in ('declare', 'actif')) as pourvu,
          (select json_agg(json_build_object('debut', k.date_debut,
                    'fin', coalesce(k.date_fin_effective, k.date_fin)) order by k.date_debut)
             from contrat k where k.poste_id = p.id and k.statut in ('actif', 'termine')) as periodes
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
    // An active contract accrues to date today, to its end in the forecast.
    const periodes = (p.periodes ?? []).map((x) => ({
      debut: String(x.debut),
      fin: x.fin ? String(x.fin) : null,
    }));
    const accorde = p.statut === "rendu" ? 0 : p.plafond_cents;
    const droit = droitsDuPoste(regle, periodes, params.aujourdhui).droitCents;
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
