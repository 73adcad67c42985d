import { sql } from "drizzle-orm";
import { PARTICIPANTS_MAX_EVENEMENT } from "../../domain/coordination/coordination.ts";
import { DEBUT_DISPOSITIF, THEMATIQUES } from "../../domain/cra/vocabulaire.ts";
import { nombreFr } from "../../domain/format.ts";
import { type Executeur, lignes } from "../db/client.ts";

export type EcartCoordination = { coordinationId: string; motif: string };

/**
 * What must hold of the coordination reports whatever happened to the accounts they name since
 * (docs/domaine/coordination.md §5). The base's constraints keep each kind's fields; they cannot
 * follow the conseillers an animation names (an array, not a foreign key), nor the vocabularies
 * and bounds the service checks on the way in. `cnfs doctor` reports the others, never repairs.
 */
export async function verifierCoordinations(
  tx: Executeur,
  p: { aujourdhui: string },
): Promise<EcartCoordination[]> {
  const themes = sql.join(
    Object.keys(THEMATIQUES).map((t) => sql`${t}`),
    sql`, `,
  );
  const ecarts = await lignes<{ id: string; motif: string }>(
    tx,
    sql`select c.id, m.motif from cra_coordination c cross join lateral (
          select 'un participant sans compte' as motif
            where exists (select 1 from unnest(c.participant_ids) as p(id)
              where not exists (select 1 from utilisateur u where u.id = p.id))
          union all
          select 'un participant qui n''a jamais été conseiller'
            where exists (select 1 from unnest(c.participant_ids) as p(id)
              where exists (select 1 from utilisateur u where u.id = p.id)
              and not exists (select 1 from habilitation h
                where h.utilisateur_id = p.id and h.role = 'conseiller'))
          union all
          select 'un participant nommé deux fois'
            where cardinality(c.participant_ids)
              <> (select count(distinct id) from unnest(c.participant_ids) as p(id))
          union all
          select 'une animation sans thématique'
            where c.type = 'animation' and cardinality(c.thematiques) = 0
          union all
          select 'une thématique inconnue'
            where exists (select 1 from unnest(c.thematiques) as t(code)
              where t.code not in (${themes}))
          union all
          select ${`plus de ${nombreFr(PARTICIPANTS_MAX_EVENEMENT)} participants`}::text
            where c.nb_participants > ${PARTICIPANTS_MAX_EVENEMENT}
          union all
          select 'une date hors du dispositif'
            where c.date < ${DEBUT_DISPOSITIF}::date or c.date > ${p.aujourdhui}::date
        ) m
        order by c.id, m.motif`,
  );
  return ecarts.map((e) => ({ coordinationId: e.id, motif: e.motif }));
}
