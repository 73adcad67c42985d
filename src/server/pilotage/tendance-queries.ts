import { sql } from "drizzle-orm";
import { ajouterMois, finDuMois } from "../../domain/temps.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { contrat } from "../db/schema.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";

/** One month of the dashboard's trend, as it stood on the month's last day (today for this one). */
export type MoisTendance = {
  mois: string;
  au: string;
  postesAttribues: number;
  conseillersSousContrat: number;
};

/**
 * The scope's posts and conseillers at the end of each of the last 12 months: posts granted by
 * then (a post handed back keeps no date of its return, so the grants are cumulated), contracts
 * validated, started and not yet ended that day. Read from the dates the records keep, so a
 * month that has passed never changes.
 */
export async function tendanceDuPerimetre(
  db: Executeur,
  connexion: SessionChargee,
  aujourdhui: string,
): Promise<MoisTendance[]> {
  const jours = Array.from({ length: 12 }, (_, i) => {
    const fin = finDuMois(ajouterMois(`${aujourdhui.slice(0, 7)}-01`, i - 11));
    return fin > aujourdhui ? aujourdhui : fin;
  });
  // One array literal: drizzle would spread a JavaScript array into a list of parameters.
  const tableauDeDates = `{${jours.join(",")}}`;
  const perimetrePoste = predicatPerimetre(connexion, colonnesPerimetreStructure);
  const perimetreContrat = predicatPerimetre(connexion, {
    ...colonnesPerimetreStructure,
    utilisateurId: contrat.utilisateurId,
  });
  const [postes, contrats] = await Promise.all([
    lignes<{ au: string; n: number }>(
      db,
      sql`select j.au::text as au, count(poste.id)::int as n
          from unnest(${tableauDeDates}::date[]) as j(au)
          left join (poste join structure on structure.id = poste.structure_id)
            on poste.date_attribution <= j.au and ${perimetrePoste}
          group by j.au`,
    ),
    lignes<{ au: string; n: number }>(
      db,
      sql`select j.au::text as au, count(contrat.id)::int as n
          from unnest(${tableauDeDates}::date[]) as j(au)
          left join (contrat join structure on structure.id = contrat.structure_id)
            on contrat.statut in ('actif', 'termine')
            and contrat.date_debut <= j.au
            and coalesce(contrat.date_fin_effective, contrat.date_fin, 'infinity'::date) >= j.au
            and ${perimetreContrat}
          group by j.au`,
    ),
  ]);
  const nombre = (l: { au: string; n: number }[], au: string) => l.find((x) => x.au === au)?.n ?? 0;
  return jours.map((au) => ({
    mois: au.slice(0, 7),
    au,
    postesAttribues: nombre(postes, au),
    conseillersSousContrat: nombre(contrats, au),
  }));
}
