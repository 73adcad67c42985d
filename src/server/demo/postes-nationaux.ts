import { sql } from "drizzle-orm";
import type { Executeur } from "../db/client.ts";

/**
 * Posts, decisions, contracts, training and sign-ins for the national volumes (benchmarks of
 * the dashboards): every generated conseiller holds a post of its employer under an active
 * contract, one structure in ten also holds a vacant post, one in fifty has an application
 * awaiting the préfet's opinion. Set-based statements: a few seconds for 5,000 conseillers.
 * Deterministic (row numbers in the order of e-mails and SIRET, not chance), so two runs give
 * the same figures and the same dates.
 */
export async function genererPostesNationaux(
  tx: Executeur,
  maintenant: Date,
  numeroSession = 9001,
): Promise<void> {
  await tx.execute(
    sql`insert into session_comite (numero, date) values (${numeroSession}, '2021-03-01')`,
  );
  await tx.execute(sql`
    create temporary table bench_conseiller on commit drop as
      select h.utilisateur_id as u, h.structure_id as s,
             row_number() over (partition by h.structure_id order by x.email) as rang,
             row_number() over (order by x.email) as n
      from habilitation h join utilisateur x on x.id = h.utilisateur_id
      where h.role = 'conseiller' and h.structure_id is not null
        and x.email like '%@national.demo.conseiller-numerique.fr'`);
  await tx.execute(sql`
    create temporary table bench_structure on commit drop as
      select s.id as s, s.secteur, n,
             coalesce((select count(*) from bench_conseiller c where c.s = s.id), 0)::int
               + case when n % 10 = 0 then 1 else 0 end as postes
      from (select id, secteur, row_number() over (order by siret, id) as n from structure) s
      where exists (select 1 from bench_conseiller c where c.s = s.id) or n % 10 = 0`);
  await tx.execute(sql`
    with d as (
      insert into demande_postes (structure_id, nature, statut, postes_demandes)
      select s, 'initiale', 'acceptee', postes from bench_structure
      returning id, structure_id, postes_demandes)
    insert into decision_comite (demande_id, session_comite_id, issue, postes_accordes)
    select d.id, (select id from session_comite where numero = ${numeroSession}), 'acceptee',
           d.postes_demandes
    from d`);
  await tx.execute(sql`
    insert into poste (structure_id, decision_id, secteur, plafond_cents, duree_mois,
                       date_attribution, date_limite_recrutement, statut)
    select b.s, dc.id, b.secteur, case when b.secteur = 'public' then 5000000 else 4000000 end, 24,
           date '2021-03-01' + rampe.jours, date '2021-04-01' + rampe.jours, 'vacant'
    from bench_structure b
    join demande_postes dp on dp.structure_id = b.s and dp.statut = 'acceptee'
    join decision_comite dc on dc.demande_id = dp.id
    -- The national ramp-up: posts granted from March 2021, most in the first months, the last
    -- ones 18 months later (density falling linearly: 78 % of them are filled by 2022).
    cross join lateral (select floor(540 * (1 - sqrt(1 - (b.n % 1000) / 1000.0)))::int as jours) rampe
    cross join lateral generate_series(1, b.postes)`);
  await tx.execute(sql`
    insert into candidature (utilisateur_id, statut, departement_code, region_code, commune_code,
                             date_disponibilite, distance_max_km)
    select c.u, 'en_poste', s.departement_code, s.region_code, s.commune_code, '2021-03-01', 20
    from bench_conseiller c join structure s on s.id = c.s
    on conflict (utilisateur_id) do nothing`);
  // Each conseiller's first contract: a 24-month CDD starting 20 days after the post was
  // granted, then renewed (2023–2024) on the same post, as a CDI for one in three, otherwise
  // a CDD to the end of 2027: the chain covers every day from hiring to today.
  await tx.execute(sql`
    insert into contrat (utilisateur_id, candidature_id, structure_id, poste_id, type, date_debut,
                         date_fin, salaire_brut_mensuel_cents, heures_hebdo, date_declaration,
                         date_limite_signature, date_signature, statut, motif_fin,
                         date_fin_effective)
    select c.u, k.id, c.s, p.id, 'cdd', p.date_attribution + 20, p.date_attribution + 750,
           180000, 35, p.date_attribution + 15, p.date_attribution + 30, p.date_attribution + 18,
           'termine', 'renouvellement', p.date_attribution + 750
    from bench_conseiller c
    join candidature k on k.utilisateur_id = c.u
    join (select id, structure_id, date_attribution,
                 row_number() over (partition by structure_id order by id) as rang
          from poste) p on p.structure_id = c.s and p.rang = c.rang`);
  await tx.execute(sql`
    insert into contrat (utilisateur_id, candidature_id, structure_id, poste_id,
                         renouvelle_contrat_id, type, date_debut, date_fin,
                         salaire_brut_mensuel_cents, heures_hebdo, date_declaration,
                         date_limite_signature, date_signature, statut)
    select k.utilisateur_id, k.candidature_id, k.structure_id, k.poste_id, k.id,
           case when c.n % 3 = 0 then 'cdi' else 'cdd' end, k.date_fin + 1,
           case when c.n % 3 = 0 then null else date '2027-12-31' end,
           190000, 35, k.date_fin - 45, k.date_fin - 30, k.date_fin - 35, 'actif'
    from contrat k join bench_conseiller c on c.u = k.utilisateur_id
    where k.statut = 'termine'`);
  // Their places from their first day; a second place from six months later.
  await tx.execute(sql`
    update lieu_conseiller l
    set debut = k.date_debut + case when l.nature = 'principal' then 0 else 180 end
    from contrat k join bench_conseiller c on c.u = k.utilisateur_id
    where k.renouvelle_contrat_id is null and l.conseiller_id = k.utilisateur_id`);
  await tx.execute(sql`
    update poste set statut = 'pourvu'
    where exists (select 1 from contrat k where k.poste_id = poste.id and k.statut = 'actif')`);
  await tx.execute(sql`
    update utilisateur set derniere_connexion_le = ${maintenant.toISOString()}::timestamptz
    from bench_conseiller c where c.u = utilisateur.id and c.n % 10 <> 0`);
  await tx.execute(sql`
    insert into formation (contrat_id, utilisateur_id, statut)
    select k.id, k.utilisateur_id,
           (array['en_cours', 'terminee', 'positionnee', 'dispensee'])[(c.n % 4) + 1]
    from contrat k join bench_conseiller c on c.u = k.utilisateur_id
    where k.renouvelle_contrat_id is null`);
  await tx.execute(sql`
    insert into certification (utilisateur_id, type, statut)
    select u, 'ccp1', case when n % 6 = 0 then 'echouee' else 'obtenue' end
    from bench_conseiller where n % 3 = 0`);
  await tx.execute(sql`
    insert into demande_postes (structure_id, nature, statut, postes_demandes)
    select s, 'ajout', 'deposee', 1 from bench_structure where n % 50 = 0`);
}
