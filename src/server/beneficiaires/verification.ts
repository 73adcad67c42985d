import { sql } from "drizzle-orm";
import { quantite } from "../../domain/format.ts";
import { type Executeur, lignes } from "../db/client.ts";

export type EcartPersonnesNommees = { craId: string; motif: string };

/**
 * What must hold of the reports that name followed persons, whatever was merged or deleted since
 * (docs/domaine/beneficiaires.md §4): no more persons named than participants, and each of the
 * breakdowns derived from them adds up to the participants. `cnfs doctor` reports the others.
 */
export async function verifierPersonnesNommees(tx: Executeur): Promise<EcartPersonnesNommees[]> {
  const somme = (colonne: string) =>
    sql.raw(`(select coalesce(sum(v::int), 0) from jsonb_each_text(c.${colonne}) as r(k, v))`);
  const ecarts = await lignes<{
    cra_id: string;
    nommees: number;
    participants: number;
    ages: number;
    statuts: number;
    genres: number;
  }>(
    tx,
    sql`select c.id as cra_id, n.nommees, c.nb_participants as participants,
          ${somme("ages")} as ages, ${somme("statuts")} as statuts, ${somme("genres")} as genres
        from cra c join (select cra_id, count(*)::int as nommees from cra_beneficiaire
          group by cra_id) n on n.cra_id = c.id
        where n.nommees > c.nb_participants
          or ${somme("ages")} <> c.nb_participants
          or ${somme("statuts")} <> c.nb_participants
          or ${somme("genres")} <> c.nb_participants
        order by c.id`,
  );
  return ecarts.map((e) => {
    const pour = `pour ${quantite(e.participants, "participant", "participants")}`;
    return {
      craId: e.cra_id,
      motif:
        e.nommees > e.participants
          ? `${quantite(e.nommees, "personne nommée", "personnes nommées")} ${pour}`
          : `répartitions (âges ${e.ages}, statuts ${e.statuts}, genres ${e.genres}) ${pour}`,
    };
  });
}
