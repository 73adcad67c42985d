import { sql } from "drizzle-orm";
import type { ConseillerSuivi } from "../../domain/pilotage/suivi.ts";
import { predicatPerimetre } from "../access/perimetre-sql.ts";
import { rollupAvecAttente } from "../activite/rollups.ts";
import type { SessionChargee } from "../auth/sessions.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { contrat } from "../db/schema.ts";
import { colonnesPerimetreStructure } from "../structures/queries.ts";

/**
 * The conseillers under contract in the reader's scope with their last report day, their
 * activity of the last 30 days and their training: what a coordinator follows (each read is
 * one probe on an index of the per-conseiller roll-up).
 */
export async function conseillersSuivis(
  tx: Executeur,
  connexion: SessionChargee,
  aujourdhui: string,
): Promise<ConseillerSuivi[]> {
  const perimetre = predicatPerimetre(connexion, {
    ...colonnesPerimetreStructure,
    utilisateurId: contrat.utilisateurId,
  });
  return lignes<ConseillerSuivi>(
    tx,
    sql`select u.id, u.prenom, u.nom, u.email, structure.id as "structureId",
          structure.nom as structure, structure.departement_code as "departementCode",
          contrat.date_debut::text as "dateDebut",
          (select da.jour from derniere_activite da where da.conseiller_id = u.id)::text
            as "dernierCra",
          coalesce((select sum(s.activites) from ${rollupAvecAttente("stat_conseiller_jour")} s
            where s.conseiller_id = u.id and s.jour > ${aujourdhui}::date - 30), 0)::int
            as "activites30Jours",
          (select fo.statut from formation fo where fo.utilisateur_id = u.id
            order by fo.cree_le desc limit 1) as formation,
          (select ce.statut from certification ce where ce.utilisateur_id = u.id
            and ce.type = 'ccp1' order by ce.cree_le desc limit 1) as ccp1
        from contrat
        join utilisateur u on u.id = contrat.utilisateur_id
        join structure on structure.id = contrat.structure_id
        where contrat.statut = 'actif' and ${perimetre}
        order by u.nom, u.prenom, u.id
        limit 1000`,
  );
}
