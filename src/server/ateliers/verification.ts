import { sql } from "drizzle-orm";
import { type Executeur, lignes } from "../db/client.ts";

export type EcartAtelier = { atelierId: string; motif: string };

/**
 * What must hold of the workshops (docs/domaine/ateliers.md): never more places given than it
 * has, nobody waiting while a place is free, attendance only with its report. `cnfs doctor`
 * reports, never repairs.
 */
export async function verifierAteliers(tx: Executeur): Promise<EcartAtelier[]> {
  const ecarts = await lignes<{ id: string; motif: string }>(
    tx,
    sql`with n as (
          select a.id, a.capacite, a.cra_id,
            count(*) filter (where i.statut = 'inscrite') as inscrites,
            count(*) filter (where i.statut = 'attente') as attente,
            count(*) filter (where i.present is not null) as notees
          from atelier a left join inscription_atelier i on i.atelier_id = a.id
          group by a.id)
        select n.id, m.motif from n cross join lateral (
          select 'plus de places données que l''atelier n''en a' as motif
            where n.inscrites > n.capacite
          union all
          select 'des personnes en attente alors qu''une place est libre'
            where n.attente > 0 and n.inscrites < n.capacite
          union all
          select 'des présences notées sans compte rendu'
            where n.notees > 0 and n.cra_id is null
        ) m
        order by n.id, m.motif`,
  );
  return ecarts.map((e) => ({ atelierId: e.id, motif: e.motif }));
}
