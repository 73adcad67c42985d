import { type SQL, sql } from "drizzle-orm";
import { type Statistiques, statistiquesDepuis } from "../../domain/cra/statistiques.ts";
import { ajouterJours, ajouterMois } from "../../domain/temps.ts";
import {
  type ColonnesPerimetre,
  grainDuPerimetre,
  type PorteurDePerimetre,
  predicatPerimetre,
} from "../access/index.ts";
import { type Executeur, lignes, lignesPreparees, tableauSql } from "../db/client.ts";
import { agregatsDepuisCra, sommesDesCompteurs } from "./compteurs-sql.ts";
import { rollupAvecAttente, type TableRollup } from "./rollups.ts";

/**
 * Which roll-up a scope reads and with which condition: per conseiller rows for people and
 * structures, per département rows for territories (docs/domaine/statistiques-et-opendata.md §1).
 */
export type Source = {
  table: "stat_conseiller_jour" | "stat_departement_jour";
  condition: SQL;
  /** The whole country: read from the national roll-ups when no filter narrows it. */
  national?: true;
};

/** Territories chosen by a condition on `departement_code`, read from the département roll-ups. */
export const sourceDepartementale = (condition: SQL): Source => ({
  table: "stat_departement_jour",
  condition,
});

/** Every territory: the national roll-ups answer it. */
export const SOURCE_NATIONALE: Source = {
  table: "stat_departement_jour",
  condition: sql`true`,
  national: true,
};

const colonne = (nom: string) => sql`${sql.identifier(nom)}`;

/** What the département roll-ups offer to the scoping rule. */
const COLONNES_DEPARTEMENT_JOUR: ColonnesPerimetre = {
  departement: colonne("departement_code"),
  region: { parDepartement: colonne("departement_code") },
};

/** What the per-conseiller roll-ups offer to the scoping rule. */
const COLONNES_CONSEILLER_JOUR: ColonnesPerimetre = {
  ...COLONNES_DEPARTEMENT_JOUR,
  utilisateurId: colonne("conseiller_id"),
  structureId: colonne("structure_id"),
  reseau: { parStructure: colonne("structure_id") },
};

/**
 * The source of the session's scope, its condition written by the one scoping rule
 * (`predicatPerimetre`); null for a scope that sees no activity.
 */
export function sourceDuPerimetre(connexion: PorteurDePerimetre): Source | null {
  switch (grainDuPerimetre(connexion)) {
    case "national":
      return SOURCE_NATIONALE;
    case "territoire":
      return sourceDepartementale(predicatPerimetre(connexion, COLONNES_DEPARTEMENT_JOUR));
    case "personnes":
      return {
        table: "stat_conseiller_jour",
        condition: predicatPerimetre(connexion, COLONNES_CONSEILLER_JOUR),
      };
    default:
      return null;
  }
}

export type Periode = { du: string; au: string };

export type StatistiquesPeriode = Statistiques & {
  periode: Periode;
  parMois: { mois: string; activites: number; accompagnements: number }[];
  parJour: { jour: string; activites: number; accompagnements: number }[];
};

const premierDuMois = (jour: string) => `${jour.slice(0, 7)}-01`;
const moisSuivant = (mois: string) => ajouterMois(mois, 1);

/**
 * The whole calendar months inside a period, [debut, fin) as first days of months, or null
 * when the period holds none: those months are read from the monthly roll-up, the edges day
 * by day.
 */
export function moisComplets(p: Periode): { debut: string; fin: string } | null {
  const debut = p.du === premierDuMois(p.du) ? p.du : moisSuivant(premierDuMois(p.du));
  const fin = premierDuMois(ajouterJours(p.au, 1));
  return debut < fin ? { debut, fin } : null;
}

/** Filters on the activities themselves: the roll-ups cannot answer them, the reports can. */
export type FiltresActivite = {
  type?: string | undefined;
  thematique?: string | undefined;
  typeLieu?: string | undefined;
  lieuId?: string | undefined;
  communeCode?: string | undefined;
  /** Several values at once (the public API's `filter[…]` lists), OR-ed. */
  types?: string[] | undefined;
  lieuIds?: string[] | undefined;
  communeCodes?: string[] | undefined;
};

function conditionsActivite(f: FiltresActivite): SQL[] {
  const c: SQL[] = [];
  if (f.type) c.push(sql`c.type = ${f.type}`);
  if (f.types?.length) c.push(sql`c.type = any(${tableauSql(f.types, "text")})`);
  if (f.lieuIds?.length) c.push(sql`c.lieu_id = any(${tableauSql(f.lieuIds, "uuid")})`);
  if (f.communeCodes?.length)
    c.push(sql`c.commune_code = any(${tableauSql(f.communeCodes, "text")})`);
  if (f.thematique) c.push(sql`${f.thematique} = any(c.thematiques)`);
  if (f.typeLieu) c.push(sql`c.type_lieu = ${f.typeLieu}`);
  if (f.lieuId) c.push(sql`c.lieu_id = ${f.lieuId}`);
  if (f.communeCode) c.push(sql`c.commune_code = ${f.communeCode}`);
  return c;
}

/**
 * The same statistics computed from the scope's reports, for filters on the activities. The
 * scope's condition names `conseiller_id`, `structure_id` and `departement_code`, columns the
 * reports have too.
 */
async function statistiquesFiltrees(
  tx: Executeur,
  condition: SQL,
  periode: Periode,
  f: FiltresActivite,
): Promise<StatistiquesPeriode> {
  const ou = sql.join([condition, ...conditionsActivite(f)], sql` and `);
  const [totaux] = await lignes<Record<string, number>>(
    tx,
    sql`select ${agregatsDepuisCra()} from cra c
        where ${ou} and c.date between ${periode.du} and ${periode.au}`,
  );
  const { debutMois, debutJours } = debutsDesSeries(periode.au);
  const serie = (format: string, depuis: string) =>
    lignes<{ cle: string; activites: number; accompagnements: number }>(
      tx,
      sql`select to_char(c.date, ${format}) as cle, count(*)::int as activites,
            sum(case when c.type = 'collectif' then c.nb_participants else 1 end)::int as accompagnements
          from cra c where ${ou} and c.date between ${depuis} and ${periode.au}
          group by 1`,
    );
  const parMois = await serie("YYYY-MM", debutMois);
  const parJour = await serie("YYYY-MM-DD", debutJours);
  return completerSeries(statistiquesDepuis(totaux ?? {}), periode, parMois, parJour);
}

/** Every month and every day of the series, with zeros where nothing was recorded. */
function completerSeries(
  stats: ReturnType<typeof statistiquesDepuis>,
  periode: Periode,
  parMois: { cle: string; activites: number; accompagnements: number }[],
  parJour: { cle: string; activites: number; accompagnements: number }[],
): StatistiquesPeriode {
  const mois = Array.from({ length: 12 }, (_, i) =>
    ajouterMois(premierDuMois(periode.au), i - 11).slice(0, 7),
  );
  const jours = Array.from({ length: 30 }, (_, i) => ajouterJours(periode.au, i - 29));
  const valeur = (l: { cle: string; activites: number; accompagnements: number }[], k: string) => {
    const x = l.filter((y) => y.cle === k);
    return {
      activites: x.reduce((a, y) => a + Number(y.activites), 0),
      accompagnements: x.reduce((a, y) => a + Number(y.accompagnements), 0),
    };
  };
  return {
    ...stats,
    periode,
    parMois: mois.map((m) => ({ mois: m, ...valeur(parMois, m) })),
    parJour: jours.map((j) => ({ jour: j, ...valeur(parJour, j) })),
  };
}

/** Statistics of a source over a period, with the 12-month and 30-day series ending at `au`. */
export async function statistiquesDe(
  tx: Executeur,
  source: Source,
  periode: Periode,
  filtre?: SQL,
  activite: FiltresActivite = {},
): Promise<StatistiquesPeriode> {
  if (conditionsActivite(activite).length > 0) {
    const condition = filtre ? sql`${source.condition} and ${filtre}` : source.condition;
    return statistiquesFiltrees(tx, condition, periode, activite);
  }
  const table = sql`${rollupAvecAttente(source.table)} r`;
  const condition = filtre ? sql`${source.condition} and ${filtre}` : source.condition;
  if (source.table === "stat_conseiller_jour")
    return statistiquesEnUneRequete(tx, table, condition, periode);
  return source.national && !filtre
    ? statistiquesTerritoriales(tx, NATIONAL, sql`true`, periode)
    : statistiquesTerritoriales(tx, DEPARTEMENTAL, condition, periode);
}

/** The daily and monthly roll-ups a territory's statistics read. */
type Echelle = { jour: TableRollup; mois: TableRollup };
const NATIONAL: Echelle = { jour: "stat_national_jour", mois: "stat_national_mois" };
const DEPARTEMENTAL: Echelle = { jour: "stat_departement_jour", mois: "stat_departement_mois" };

type Serie = { cle: string; activites: number; accompagnements: number }[];

/** The first days of the 12-month and the 30-day series that end on `au`. */
function debutsDesSeries(au: string): { debutMois: string; debutJours: string } {
  return { debutMois: ajouterMois(premierDuMois(au), -11), debutJours: ajouterJours(au, -29) };
}

/** A series as JSON: the `cle`, `activites`, `accompagnements` rows of `valeurs`, summed by key. */
const serieJson = (valeurs: SQL) =>
  sql`coalesce((select json_agg(json_build_object('cle', cle, 'activites', activites,
        'accompagnements', accompagnements))
      from (select cle, sum(activites)::int as activites,
              sum(accompagnements)::int as accompagnements
            from (${valeurs}) v group by 1) s), '[]'::json)`;

/**
 * A person's or a structure's scope holds a few hundred roll-up rows a year: read once, in one
 * prepared statement that returns the totals and both series together (one round trip, one
 * plan reused).
 */
async function statistiquesEnUneRequete(
  tx: Executeur,
  table: SQL,
  condition: SQL,
  periode: Periode,
): Promise<StatistiquesPeriode> {
  const { debutMois, debutJours } = debutsDesSeries(periode.au);
  const depuis = [periode.du, debutMois, debutJours].sort()[0]!;
  const serie = (format: string, du: string) =>
    serieJson(sql`select to_char(jour, ${format}) as cle, activites, accompagnements from lus
                  where jour between ${du}::date and ${periode.au}::date`);
  const [l] = await lignesPreparees<{ totaux: Record<string, number>; mois: Serie; jours: Serie }>(
    tx,
    sql`with lus as materialized (
          select * from ${table}
          where ${condition} and jour between ${depuis}::date and ${periode.au}::date
        )
        select
          (select row_to_json(t) from (
            select ${sommesDesCompteurs()} from lus
            where jour between ${periode.du}::date and ${periode.au}::date) t) as totaux,
          ${serie("YYYY-MM", debutMois)} as mois,
          ${serie("YYYY-MM-DD", debutJours)} as jours`,
  );
  return completerSeries(
    statistiquesDepuis(l?.totaux ?? {}),
    periode,
    l?.mois ?? [],
    l?.jours ?? [],
  );
}

/**
 * A territory's statistics from the national or département roll-ups, in one prepared statement: the whole
 * months from the monthly roll-up, only the days it cannot answer (the period's edges, the month
 * still running, the last 30 days) from the daily one, each read once; totals and both series
 * come back together.
 */
async function statistiquesTerritoriales(
  tx: Executeur,
  echelle: Echelle,
  condition: SQL,
  periode: Periode,
): Promise<StatistiquesPeriode> {
  const { debutMois, debutJours } = debutsDesSeries(periode.au);
  // Without a whole month, an empty range of months: every day is then read day by day.
  const c = moisComplets(periode) ?? { debut: periode.du, fin: periode.du };
  const c12 = moisComplets({ du: debutMois, au: periode.au }) ?? {
    debut: debutMois,
    fin: debutMois,
  };
  // The days to read: the period's leading edge, then one range up to `au` that holds its
  // trailing edge, the month still running and the last 30 days (all end on `au`).
  const avantMoisComplets = ajouterJours(c.debut, -1);
  const derniersJours = [c.fin, c12.fin, debutJours].sort()[0]!;
  const [l] = await lignesPreparees<{ totaux: Record<string, number>; mois: Serie; jours: Serie }>(
    tx,
    sql`with m as materialized (
          select * from ${rollupAvecAttente(echelle.mois)} r
          where ${condition}
            and ((mois >= ${c.debut}::date and mois < ${c.fin}::date)
              or (mois >= ${c12.debut}::date and mois < ${c12.fin}::date))
        ),
        j as materialized (
          select * from ${rollupAvecAttente(echelle.jour)} r
          where ${condition}
            and (jour between ${periode.du}::date and ${avantMoisComplets}::date
              or jour between ${derniersJours}::date and ${periode.au}::date)
        )
        select
          (select row_to_json(t) from (
            select ${sommesDesCompteurs()} from (
              select * from m where mois >= ${c.debut}::date and mois < ${c.fin}::date
              union all
              select * from j where jour >= ${periode.du}::date
                and (jour < ${c.debut}::date or jour >= ${c.fin}::date)) x) t) as totaux,
          ${serieJson(sql`select to_char(mois, 'YYYY-MM') as cle, activites, accompagnements from m
                      where mois >= ${c12.debut}::date and mois < ${c12.fin}::date
                      union all
                      select to_char(jour, 'YYYY-MM'), activites, accompagnements from j
                      where jour >= ${c12.fin}::date`)} as mois,
          ${serieJson(sql`select to_char(jour, 'YYYY-MM-DD') as cle, activites, accompagnements
                      from j where jour >= ${debutJours}::date`)} as jours`,
  );
  return completerSeries(
    statistiquesDepuis(l?.totaux ?? {}),
    periode,
    l?.mois ?? [],
    l?.jours ?? [],
  );
}
