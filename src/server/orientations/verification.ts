import { sql } from "drizzle-orm";
import { CONSERVATION } from "../../domain/conservation.ts";
import { ajouterMois, instantParis, jourParis } from "../../domain/temps.ts";
import { type Executeur, lignes } from "../db/client.ts";

export type EcartOrientation = { orientationId: string; motif: string };

/**
 * What must hold of the orientations whatever happened since (docs/domaine/orientations.md): the
 * outcome and its report agree, an ended one has its end, and no contact outlives its term.
 * `cnfs doctor` reports, never repairs.
 */
export async function verifierOrientations(
  tx: Executeur,
  p: { maintenant: Date },
): Promise<EcartOrientation[]> {
  const limite = instantParis(
    ajouterMois(jourParis(p.maintenant), -CONSERVATION.orientation.mois),
    "00:00",
  );
  const ecarts = await lignes<{ id: string; motif: string }>(
    tx,
    sql`select o.id, m.motif from orientation o cross join lateral (
          select 'personne accompagnée sans compte rendu' as motif
            where o.statut = 'vue' and o.cra_id is null
          union all
          select 'un compte rendu sans « personne accompagnée »'
            where o.cra_id is not null and o.statut <> 'vue'
          union all
          select 'terminée sans date de fin'
            where o.statut in ('vue', 'absente', 'sans_suite') and o.fin_le is null
          union all
          select 'ouverte avec une date de fin'
            where o.statut in ('a_traiter', 'acceptee') and o.fin_le is not null
          union all
          select 'acceptée sans rendez-vous ni atelier'
            where o.statut = 'acceptee' and o.rendez_vous is null and o.atelier_id is null
          union all
          select 'un contact gardé plus de 3 mois après la fin'
            where o.contact_efface_le is null and o.fin_le < ${limite.toISOString()}::timestamptz
        ) m
        order by o.id, m.motif`,
  );
  return ecarts.map((e) => ({ orientationId: e.id, motif: e.motif }));
}
