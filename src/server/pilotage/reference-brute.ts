import { sql } from "drizzle-orm";
import { COMPTES_VIDES, type Comptes } from "../../domain/pilotage/indicateurs.ts";
import { type Executeur, lignes } from "../db/client.ts";
import type { Filtres } from "./indicateurs-queries.ts";

/**
 * The national table per département as a competent developer would write it without our
 * optimisations: one set-based statement over the raw tables (reports included), no roll-up,
 * no cache. Tests and the `pilotage` bench compare every column of the dashboards with it.
 */
export async function tableauDepartementsBrut(
  db: Executeur,
  f: Pick<Filtres, "aujourdhui" | "periode">,
): Promise<Map<string, Partial<Comptes>>> {
  const rangees = await lignes<Record<string, string | number | null>>(
    db,
    sql`with k as (
          select c.poste_id,
            bool_or(c.statut in ('declare', 'actif')) as pourvu,
            bool_or(c.statut = 'actif') as actif,
            count(*) filter (where c.statut = 'declare' and c.date_signature is null
              and c.date_limite_signature < ${f.aujourdhui}) as non_signes,
            max(coalesce(c.date_fin_effective, c.date_fin)) filter (where c.statut = 'termine') as fin,
            bool_or(c.statut = 'actif' and u.derniere_connexion_le is not null) as active,
            bool_or(c.statut = 'actif' and exists (select 1 from cra r
              where r.conseiller_id = c.utilisateur_id
                and r.date >= ${f.aujourdhui}::date - 30)) as actif_recent,
            bool_or(c.statut = 'actif' and exists (select 1 from formation fo
              where fo.utilisateur_id = c.utilisateur_id and fo.statut = 'en_cours')) as en_formation,
            bool_or(c.statut = 'actif' and exists (select 1 from formation fo
              where fo.utilisateur_id = c.utilisateur_id
                and fo.statut in ('terminee', 'dispensee'))) as forme,
            bool_or(c.statut = 'actif' and exists (select 1 from certification ce
              where ce.utilisateur_id = c.utilisateur_id and ce.type = 'ccp1'
                and ce.statut = 'obtenue')) as certifie
          from contrat c join utilisateur u on u.id = c.utilisateur_id
          group by c.poste_id
        ),
        postes as (
          select s.departement_code as code,
            count(*) filter (where p.statut <> 'rendu')::int as dotation,
            count(*) filter (where p.statut <> 'rendu' and exists (
              select 1 from decision_comite d join avis_prefet a on a.demande_id = d.demande_id
              where d.id = p.decision_id and a.avis = 'favorable'))::int as "dotationProposition",
            count(*) filter (where k.pourvu)::int as pourvus,
            count(*) filter (where k.actif)::int as recrutes,
            count(*) filter (where k.actif and s.secteur = 'public')::int as "recrutesPublic",
            count(*) filter (where p.statut = 'vacant')::int as vacants,
            coalesce(sum(${f.aujourdhui}::date - coalesce(k.fin, p.date_attribution))
              filter (where p.statut = 'vacant'), 0)::int as "vacanceJoursCumul",
            max(${f.aujourdhui}::date - coalesce(k.fin, p.date_attribution))
              filter (where p.statut = 'vacant')::int as "vacanceJoursMax",
            count(*) filter (where p.statut = 'vacant'
              and p.date_limite_recrutement < ${f.aujourdhui})::int as "recrutementsEnRetard",
            coalesce(sum(k.non_signes), 0)::int as "contratsNonSignesEnRetard",
            count(*) filter (where k.active)::int as actives,
            count(*) filter (where k.actif_recent)::int as actifs,
            count(*) filter (where k.en_formation)::int as "enFormation",
            count(*) filter (where k.forme)::int as formes,
            count(*) filter (where k.certifie)::int as certifies
          from poste p join structure s on s.id = p.structure_id
          left join k on k.poste_id = p.id
          group by 1
        ),
        demandes as (
          select s.departement_code as code, count(*)::int as "demandesEnAttenteAvis"
          from demande_postes dp join structure s on s.id = dp.structure_id
          where dp.statut in ('deposee', 'complement_demande') and dp.nature <> 'retrait'
            and not exists (select 1 from avis_prefet a where a.demande_id = dp.id)
          group by 1
        ),
        activite as (
          select departement_code as code, count(*)::int as activites,
            sum(case when type = 'collectif' then nb_participants else 1 end)::int
              as accompagnements,
            sum(deja_accompagnes)::int as "dejaAccompagnes"
          from cra where date between ${f.periode.du} and ${f.periode.au}
            and departement_code is not null
          group by 1
        )
        select * from postes
        full join demandes using (code)
        full join activite using (code)`,
  );
  return new Map(rangees.map(({ code, ...c }) => [String(code), c as Partial<Comptes>]));
}

/** Every column of every row that differs between dashboard rows and the reference. */
export function ecartsAvecLaReference(
  rangees: (Partial<Comptes> & { code: string })[],
  reference: Map<string, Partial<Comptes>>,
): string[] {
  const codes = new Set([...rangees.map((r) => r.code), ...reference.keys()]);
  const parCode = new Map(rangees.map((r) => [r.code, r]));
  const colonnes = Object.keys(COMPTES_VIDES) as (keyof Comptes)[];
  return [...codes].flatMap((code) =>
    colonnes
      .filter((c) => (parCode.get(code)?.[c] ?? 0) !== (reference.get(code)?.[c] ?? 0))
      .map((c) => `${code}.${c} : ${parCode.get(code)?.[c]} ≠ ${reference.get(code)?.[c]}`),
  );
}
