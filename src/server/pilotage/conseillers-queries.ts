import { type SQL, sql } from "drizzle-orm";
import type { ConseillerSuivi } from "../../domain/pilotage/suivi.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import { rollupAvecAttente } from "../activite/index.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { contrat } from "../db/schema.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";

/**
 * The orders of the follow-up: by name (default), by structure, the longest silence first (never
 * reported, then the oldest last report), the least active first over 30 days.
 */
export const TRIS_SUIVI = ["nom", "structure", "silence", "activite"] as const;
export type TriSuivi = (typeof TRIS_SUIVI)[number];

const ORDRES_SUIVI: Record<TriSuivi, SQL> = {
  nom: sql`u.nom, u.prenom`,
  structure: sql`structure.nom, u.nom, u.prenom`,
  silence: sql`"dernierCra" asc nulls first, u.nom, u.prenom`,
  activite: sql`"activites30Jours" asc, u.nom, u.prenom`,
};

/**
 * The conseillers under contract in the reader's scope with their last report day, their
 * activity of the last 30 days and their training: what a coordinator follows (each read is
 * one probe on an index of the per-conseiller roll-up).
 */
export async function conseillersSuivis(
  tx: Executeur,
  connexion: SessionChargee,
  aujourdhui: string,
  options: { sansCra?: boolean; tri?: TriSuivi; page?: number; taillePage?: number | null } = {},
): Promise<ConseillerSuivi[]> {
  const taille = options.taillePage === undefined ? 1000 : options.taillePage;
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
        where ${conditionsSuivi(connexion, aujourdhui, options.sansCra)}
        order by ${ORDRES_SUIVI[options.tri ?? "nom"]}, u.id
        ${taille === null ? sql`` : sql`limit ${taille} offset ${((options.page ?? 1) - 1) * taille}`}`,
  );
}

/**
 * Conseillers under contract in the scope; `sansCra`: without any report for 30 days (the
 * coordinator's work queue), whose last report day is read on `derniere_activite`.
 */
function conditionsSuivi(connexion: SessionChargee, aujourdhui: string, sansCra = false) {
  const perimetre = predicatPerimetre(connexion, {
    ...colonnesPerimetreStructure,
    utilisateurId: contrat.utilisateurId,
  });
  const silence = sql`not exists (select 1 from derniere_activite da
    where da.conseiller_id = contrat.utilisateur_id and da.jour > ${aujourdhui}::date - 30)`;
  return sql`contrat.statut = 'actif' and ${perimetre} ${sansCra ? sql`and ${silence}` : sql``}`;
}

/** How many conseillers the follow-up lists (the exact total of its pages). */
export async function compterConseillersSuivis(
  tx: Executeur,
  connexion: SessionChargee,
  aujourdhui: string,
  sansCra = false,
): Promise<number> {
  const [l] = await lignes<{ n: number }>(
    tx,
    sql`select count(*)::int as n from contrat
          join structure on structure.id = contrat.structure_id
          where ${conditionsSuivi(connexion, aujourdhui, sansCra)}`,
  );
  return l?.n ?? 0;
}
