import { eq, type SQL, sql } from "drizzle-orm";
import { statistiquesParDepartement } from "../../domain/perimetre.ts";
import { COMPTES_VIDES, type Comptes, type Niveau } from "../../domain/pilotage/indicateurs.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import { moisComplets, type Periode, rollupAvecAttente } from "../activite/index.ts";
import { cleDeRequete, type Db, type Executeur, lignes } from "../db/client.ts";
import { arrondissement, departement, statConseillerJour, versionDonnees } from "../db/schema.ts";
import { CacheVersionne } from "../infra/cache-versionne.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";

/** `total` gives one row for the whole scope. */
export type Decoupage = Niveau | "total";

export type Filtres = {
  decoupage: Decoupage;
  /** Drill-down: only the territories inside this région or this département. */
  region?: string | undefined;
  departement?: string | undefined;
  aujourdhui: string;
  periode: Periode;
};

export type LigneComptes = Comptes & { code: string };

/** Days a conseiller may go without a report and still count as active (docs/domaine/statistiques-et-opendata.md §2.2). */
const JOURS_ACTIVITE = 30;

/** The key of a structure's territory at each level (`commune` joined as `cm` for arrondissements). */
function cleStructure(d: Decoupage): SQL {
  switch (d) {
    case "region":
      return sql`structure.region_code`;
    case "departement":
      return sql`structure.departement_code`;
    case "arrondissement":
      return sql`coalesce(cm.arrondissement_code, '')`;
    case "total":
      return sql`'total'`;
  }
}

function filtreTerritoire(f: Pick<Filtres, "region" | "departement">): SQL {
  const conditions: SQL[] = [sql`true`];
  if (f.region) conditions.push(sql`structure.region_code = ${f.region}`);
  if (f.departement) conditions.push(sql`structure.departement_code = ${f.departement}`);
  return sql.join(conditions, sql` and `);
}

/** The same drill-down on the `departement` reference table. */
function dansLeDepartement(f: Pick<Filtres, "region" | "departement">): SQL {
  const conditions: SQL[] = [sql`true`];
  if (f.region) conditions.push(sql`departement.region_code = ${f.region}`);
  if (f.departement) conditions.push(sql`departement.code = ${f.departement}`);
  return sql.join(conditions, sql` and `);
}

const joindreCommune = (d: Decoupage) =>
  d === "arrondissement" ? sql`left join commune cm on cm.code = structure.commune_code` : sql``;

/**
 * Posts, contracts, conseillers and requests of the scope, per territory of the structures:
 * the figures that change a few times a day (`comptesStables`, cached by the version the
 * database keeps of them) and the conseillers active in the last 30 days, which change with
 * each first report of a day (`comptesActifs`, read each time from `derniere_activite`).
 */
export async function comptesPostes(
  tx: Executeur,
  /** A condition on `structure`: the reader's scope, or `true` for a job. */
  perimetre: SQL,
  f: Omit<Filtres, "periode">,
): Promise<Map<string, Partial<Comptes>>> {
  const stables = await comptesStables(tx, perimetre, f);
  return fusionner(stables.comptes, await comptesActifs(tx, stables.territoireDesActifs, f));
}

function fusionner(...cartes: Map<string, Partial<Comptes>>[]): Map<string, Partial<Comptes>> {
  const parCode = new Map<string, Partial<Comptes>>();
  for (const carte of cartes)
    for (const [code, comptes] of carte) parCode.set(code, { ...parCode.get(code), ...comptes });
  return parCode;
}

/**
 * Active contracts whose conseiller reported in the last 30 days (docs/domaine/statistiques-et-opendata.md §2.2), per territory: the
 * recent days of `derniere_activite` (one row per conseiller) counted against the cached
 * territory of each active contract.
 */
async function comptesActifs(
  tx: Executeur,
  territoireDesActifs: Map<string, string>,
  f: Pick<Filtres, "aujourdhui">,
): Promise<Map<string, Partial<Comptes>>> {
  const recents = await lignes<{ id: string }>(
    tx,
    sql`select conseiller_id as id from derniere_activite
        where jour >= ${f.aujourdhui}::date - ${JOURS_ACTIVITE}::int`,
  );
  const actifs = new Map<string, Partial<Comptes>>();
  for (const { id } of recents) {
    const code = territoireDesActifs.get(id);
    if (code !== undefined) actifs.set(code, { actifs: (actifs.get(code)?.actifs ?? 0) + 1 });
  }
  return actifs;
}

type Stables = {
  comptes: Map<string, Partial<Comptes>>;
  /** Each conseiller under an active contract in the scope, with their post's territory. */
  territoireDesActifs: Map<string, string>;
};

/** Everything else of `comptesPostes`: set-based joins over the scope's posts and contracts. */
async function comptesStables(
  tx: Executeur,
  perimetre: SQL,
  f: Omit<Filtres, "periode">,
): Promise<Stables> {
  const cle = cleStructure(f.decoupage);
  const postes = await lignes<Record<string, string | number | null>>(
    tx,
    sql`with p as (
          select p.id, p.statut, p.date_attribution, p.date_limite_recrutement, p.decision_id,
                 structure.secteur, ${cle} as code
          from poste p
          join structure on structure.id = p.structure_id
          ${joindreCommune(f.decoupage)}
          where ${perimetre} and ${filtreTerritoire(f)}
        ),
        k as (
          select c.poste_id,
                 bool_or(c.statut in ('declare', 'actif')) as pourvu,
                 bool_or(c.statut = 'actif') as actif,
                 count(*) filter (where c.statut = 'declare' and c.date_signature is null
                   and c.date_limite_signature < ${f.aujourdhui}) as non_signes,
                 max(coalesce(c.date_fin_effective, c.date_fin))
                   filter (where c.statut = 'termine') as fin,
                 bool_or(c.statut = 'actif' and u.derniere_connexion_le is not null) as active,
                 bool_or(c.statut = 'actif' and fo.en_cours) as en_formation,
                 bool_or(c.statut = 'actif' and fo.forme) as forme,
                 bool_or(c.statut = 'actif' and ce.utilisateur_id is not null) as certifie
          from contrat c
          join p on p.id = c.poste_id
          join utilisateur u on u.id = c.utilisateur_id
          left join (select utilisateur_id, bool_or(statut = 'en_cours') as en_cours,
                            bool_or(statut in ('terminee', 'dispensee')) as forme
                     from formation group by 1) fo on fo.utilisateur_id = c.utilisateur_id
          left join (select distinct utilisateur_id from certification
                     where type = 'ccp1' and statut = 'obtenue') ce
            on ce.utilisateur_id = c.utilisateur_id
          group by c.poste_id
        ),
        proposes as (
          select distinct d.id from decision_comite d
          join avis_prefet a on a.demande_id = d.demande_id and a.avis = 'favorable'
        )
        select p.code,
          count(*) filter (where p.statut <> 'rendu')::int as dotation,
          count(*) filter (where p.statut <> 'rendu'
            and p.decision_id in (select id from proposes))::int as "dotationProposition",
          count(*) filter (where k.pourvu)::int as pourvus,
          count(*) filter (where k.actif)::int as recrutes,
          count(*) filter (where k.actif and p.secteur = 'public')::int as "recrutesPublic",
          count(*) filter (where p.statut = 'vacant')::int as vacants,
          coalesce(sum(${f.aujourdhui}::date - coalesce(k.fin, p.date_attribution))
            filter (where p.statut = 'vacant'), 0)::int as "vacanceJoursCumul",
          max(${f.aujourdhui}::date - coalesce(k.fin, p.date_attribution))
            filter (where p.statut = 'vacant')::int as "vacanceJoursMax",
          count(*) filter (where p.statut = 'vacant'
            and p.date_limite_recrutement < ${f.aujourdhui})::int as "recrutementsEnRetard",
          coalesce(sum(k.non_signes), 0)::int as "contratsNonSignesEnRetard",
          count(*) filter (where k.active)::int as actives,
          count(*) filter (where k.en_formation)::int as "enFormation",
          count(*) filter (where k.forme)::int as formes,
          count(*) filter (where k.certifie)::int as certifies
        from p left join k on k.poste_id = p.id
        group by 1`,
  );
  const demandes = await lignes<{ code: string; n: number }>(
    tx,
    sql`select ${cle} as code, count(*)::int as n
        from demande_postes dp
        join structure on structure.id = dp.structure_id
        ${joindreCommune(f.decoupage)}
        where dp.statut in ('deposee', 'complement_demande') and dp.nature <> 'retrait'
          and not exists (select 1 from avis_prefet a where a.demande_id = dp.id)
          and ${perimetre} and ${filtreTerritoire(f)}
        group by 1`,
  );
  const parCode = new Map<string, Partial<Comptes>>();
  for (const l of postes) {
    const { code, ...comptes } = l;
    parCode.set(String(code), comptes as Partial<Comptes>);
  }
  for (const d of demandes)
    parCode.set(d.code, { ...parCode.get(d.code), demandesEnAttenteAvis: d.n });
  const actifs = await lignes<{ id: string; code: string }>(
    tx,
    sql`select c.utilisateur_id as id, ${cle} as code
        from contrat c
        join poste p on p.id = c.poste_id
        join structure on structure.id = p.structure_id
        ${joindreCommune(f.decoupage)}
        where c.statut = 'actif' and ${perimetre} and ${filtreTerritoire(f)}`,
  );
  return {
    comptes: parCode,
    territoireDesActifs: new Map(actifs.map((a) => [a.id, String(a.code)])),
  };
}

/**
 * Activity of the period. For territorial readers a report counts in the territory of its place
 * whatever the cut, as in the statistics: above the arrondissement through the département
 * roll-up (a national year is 101 × 365 rows), a département's arrondissements from its own
 * reports. A structure or a coordinator reads the per-conseiller roll-up (its conseillers'
 * activity, wherever it took place).
 */
async function comptesActivite(
  tx: Executeur,
  connexion: SessionChargee,
  f: Filtres,
): Promise<Map<string, Partial<Comptes>>> {
  const sommes = sql`coalesce(sum(activites), 0)::int as activites,
    coalesce(sum(accompagnements), 0)::int as accompagnements,
    coalesce(sum(deja_accompagnes), 0)::int as "dejaAccompagnes"`;
  const periode = sql`jour between ${f.periode.du} and ${f.periode.au}`;
  let resultat: (Partial<Comptes> & { code: string })[];
  const perimetre = connexion.habilitation?.perimetre;
  const unDepartement =
    f.departement ?? (perimetre?.type === "departement" ? perimetre.code : undefined);
  if (
    statistiquesParDepartement(connexion.habilitation?.role) &&
    f.decoupage === "arrondissement" &&
    unDepartement
  ) {
    // A département's arrondissements by the same rule as its total and its statistics: a
    // report counts where it took place. No roll-up holds arrondissements: the département's
    // reports of the period are read on their index (a few tens of thousands a year).
    resultat = await lignes(
      tx,
      sql`select coalesce(cm.arrondissement_code, '') as code,
            count(*)::int as activites,
            coalesce(sum(case when cra.type = 'collectif' then cra.nb_participants else 1 end), 0)::int
              as accompagnements,
            coalesce(sum(cra.deja_accompagnes), 0)::int as "dejaAccompagnes"
          from cra
          left join commune cm on cm.code = cra.commune_code
          join departement on departement.code = cra.departement_code
          where cra.departement_code = ${unDepartement}
            and cra.date between ${f.periode.du} and ${f.periode.au}
            and ${predicatPerimetre(connexion, { departement: departement.code, region: departement.regionCode })}
          group by 1`,
    );
  } else if (
    statistiquesParDepartement(connexion.habilitation?.role) &&
    f.decoupage !== "arrondissement"
  ) {
    const cle = {
      region: sql`departement.region_code`,
      departement: sql`departement.code`,
      total: sql`'total'`,
    }[f.decoupage];
    // Whole months from the monthly roll-up, the period's edge days from the daily one.
    const colonnes = sql`departement_code, activites, accompagnements, deja_accompagnes`;
    const complets = moisComplets(f.periode);
    const source = complets
      ? sql`(select ${colonnes} from ${rollupAvecAttente("stat_departement_mois")} m
              where mois >= ${complets.debut} and mois < ${complets.fin}
            union all
            select ${colonnes} from ${rollupAvecAttente("stat_departement_jour")} j
              where ${periode} and (jour < ${complets.debut} or jour >= ${complets.fin}))`
      : sql`(select ${colonnes} from ${rollupAvecAttente("stat_departement_jour")} j
              where ${periode})`;
    resultat = await lignes(
      tx,
      sql`select ${cle} as code, ${sommes}
          from ${source} r
          join departement on departement.code = r.departement_code
          where true
            and ${predicatPerimetre(connexion, { departement: departement.code, region: departement.regionCode })}
            and ${dansLeDepartement(f)}
          group by 1`,
    );
  } else {
    resultat = await lignes(
      tx,
      sql`select ${cleStructure(f.decoupage)} as code, ${sommes}
          from ${rollupAvecAttente("stat_conseiller_jour")} as stat_conseiller_jour
          join structure on structure.id = stat_conseiller_jour.structure_id
          ${joindreCommune(f.decoupage)}
          where ${periode}
            and ${predicatPerimetre(connexion, { ...colonnesPerimetreStructure, utilisateurId: statConseillerJour.conseillerId })}
            and ${filtreTerritoire(f)}
          group by 1`,
    );
  }
  return new Map(resultat.map(({ code, ...c }) => [String(code), c]));
}

/** The territories of a level inside the reader's scope, listed even when nothing is counted. */
async function territoiresDuNiveau(
  tx: Executeur,
  connexion: SessionChargee,
  f: Filtres,
): Promise<{ code: string; nom: string }[]> {
  const perimetre = predicatPerimetre(connexion, {
    departement: departement.code,
    region: departement.regionCode,
  });
  const ou = sql`${perimetre} and ${dansLeDepartement(f)}`;
  switch (f.decoupage) {
    case "total":
      return [{ code: "total", nom: "Total" }];
    case "region":
      return lignes(
        tx,
        sql`select distinct r.code, r.nom from region r
            join departement on departement.region_code = r.code where ${ou} order by r.code`,
      );
    case "departement":
      return lignes(tx, sql`select code, nom from departement where ${ou} order by code`);
    case "arrondissement":
      return lignes(
        tx,
        sql`select ${arrondissement.code} as code, ${arrondissement.nom} as nom from ${arrondissement}
            join departement on departement.code = ${arrondissement.departementCode}
            where ${ou} order by 1`,
      );
  }
}

/** Names of codes found in the counts but outside the listed territories (a structure scope). */
async function nomsDe(tx: Executeur, decoupage: Decoupage, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const table = {
    region: sql`region`,
    departement: sql`departement`,
    arrondissement: sql`arrondissement`,
    total: undefined,
  }[decoupage];
  if (!table) return new Map(codes.map((c) => [c, "Total"]));
  const trouves = await lignes<{ code: string; nom: string }>(
    tx,
    sql`select code, nom from ${table} where code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  return new Map(trouves.map((t) => [t.code, t.nom]));
}

/** One cache per database: tests run several platforms in one process. */
const caches = new WeakMap<Db, CacheVersionne<Stables>>();
function cacheDe(db: Db) {
  const cache = caches.get(db) ?? new CacheVersionne<Stables>(500);
  caches.set(db, cache);
  return cache;
}

/** Every count of the dashboards, one row per territory of the level asked (or one total). */
export async function comptesParTerritoire(
  db: Db,
  connexion: SessionChargee,
  f: Filtres,
): Promise<(LigneComptes & { nom: string })[]> {
  const perimetre = predicatPerimetre(connexion, colonnesPerimetreStructure);
  const { periode: _, ...sansPeriode } = f;
  const cle = `${cleDeRequete(perimetre)} ${JSON.stringify(sansPeriode)}`;
  const [listes, postes, activite] = await db.transaction(async (tx) => {
    // The per-post lookups make the planner's estimate huge (each is one index probe in
    // fact): PostgreSQL would spend 350 ms compiling the query with JIT to run it in 90 ms.
    await tx.execute(sql`set local jit = off`);
    // Read first: figures computed after it are at least as new as the version they are kept at.
    const [version] = await tx
      .select({ v: versionDonnees.version })
      .from(versionDonnees)
      .where(eq(versionDonnees.nom, "pilotage"));
    // Migration 0026 writes the row; were it missing, NaN never matches: computed each time.
    const stables = await cacheDe(db).obtenir(cle, version?.v ?? Number.NaN, () =>
      comptesStables(tx, perimetre, f),
    );
    return [
      await territoiresDuNiveau(tx, connexion, f),
      fusionner(stables.comptes, await comptesActifs(tx, stables.territoireDesActifs, f)),
      await comptesActivite(tx, connexion, f),
    ] as const;
  });
  const codes = new Set([...listes.map((t) => t.code), ...postes.keys(), ...activite.keys()]);
  const connus = new Map(listes.map((t) => [t.code, t.nom]));
  const manquants = await nomsDe(
    db,
    f.decoupage,
    [...codes].filter((c) => !connus.has(c) && c !== ""),
  );
  return [...codes].map((code) => ({
    ...COMPTES_VIDES,
    ...postes.get(code),
    ...activite.get(code),
    code,
    nom: connus.get(code) ?? manquants.get(code) ?? "Sans arrondissement",
  }));
}
