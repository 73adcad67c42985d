import { type SQL, type SQLChunk, sql } from "drizzle-orm";
import { COLONNES_COMPTEURS, type Compteurs } from "../../domain/cra/compteurs.ts";
import { type Db, type Executeur, lignes, requetePreparee } from "../db/client.ts";
import { agregatsDepuisCra, sommesDesCompteurs } from "./compteurs-sql.ts";

export type CleRollup = {
  conseillerId: string;
  structureId: string;
  departementCode: string | null;
  jour: string;
};

const ident = (c: string) => sql.identifier(c);
const liste = (morceaux: SQLChunk[]) => sql.join(morceaux, sql`, `);
const NOMS = liste(COLONNES_COMPTEURS.map(ident));
// Array subscripts are written as constants so the statement's text never changes.
const VALEURS = liste(COLONNES_COMPTEURS.map((_, i) => sql.raw(`s.compteurs[${i + 1}]`)));
const increments = (table: string) =>
  liste(
    COLONNES_COMPTEURS.map(
      (c) => sql`${ident(c)} = ${ident(table)}.${ident(c)} + excluded.${ident(c)}`,
    ),
  );

/** A report's counters in the roll-ups' column order, for the `compteurs` int[] parameter. */
export const vecteurCompteurs = (delta: Compteurs): number[] =>
  COLONNES_COMPTEURS.map((c) => delta[c] ?? 0);

/**
 * CTEs that write the counters of the one-row relation `source` (conseiller_id, structure_id,
 * departement_code, jour, compteurs int[]) to the pending roll-ups, and move the conseiller's
 * last day of activity forward when a report is added: to be placed in a WITH so that a report
 * and its counters are written by a single statement.
 */
export function cteRollups(source: string): SQL {
  return sql`en_attente as (
      insert into stat_attente (conseiller_id, structure_id, departement_code, jour, ${NOMS})
      select s.conseiller_id, s.structure_id, s.departement_code, s.jour, ${VALEURS}
      from ${ident(source)} s
      returning 1),
    derniere as (
      insert into derniere_activite (conseiller_id, jour)
      select s.conseiller_id, s.jour from ${ident(source)} s
      where ${ACTIVITES} > 0
        -- Most reports are not the conseiller's latest day: a read, no row lock to write.
        and not exists (select 1 from derniere_activite d
                        where d.conseiller_id = s.conseiller_id and d.jour >= s.jour)
      on conflict (conseiller_id) do update set jour = excluded.jour
      where derniere_activite.jour < excluded.jour
      returning 1)`;
}

/** The `activites` counter in a `compteurs` int[] (a report added: 1, taken back: -1). */
const ACTIVITES = sql.raw(`s.compteurs[${COLONNES_COMPTEURS.indexOf("activites") + 1}]`);

/**
 * A conseiller's last day of activity read again from their reports (one probe of the
 * (conseiller, date) index), after a report was taken back or moved: it may have been the last.
 */
const relireDerniereActivite = requetePreparee(
  "cnfs_derniere_activite",
  sql`with dernier as (
      select ${sql.placeholder("conseillerId")}::uuid as conseiller_id,
        (select max(c.date) from cra c
         where c.conseiller_id = ${sql.placeholder("conseillerId")}::uuid) as jour),
    efface as (
      delete from derniere_activite d using dernier x
      where d.conseiller_id = x.conseiller_id and x.jour is null)
    insert into derniere_activite (conseiller_id, jour)
    select conseiller_id, jour from dernier where jour is not null
    on conflict (conseiller_id) do update set jour = excluded.jour`,
);

const ajouterAuxRollups = requetePreparee(
  "cnfs_rollups",
  sql`with source as (
      select ${sql.placeholder("conseillerId")}::uuid as conseiller_id,
        ${sql.placeholder("structureId")}::uuid as structure_id,
        ${sql.placeholder("departementCode")}::text as departement_code,
        ${sql.placeholder("jour")}::date as jour,
        ${sql.placeholder("compteurs")}::int[] as compteurs),
    ${cteRollups("source")}
    select 1`,
);

/**
 * Adds a report's counters (or takes them back) in the caller's transaction, as one pending
 * row: nothing is locked, the fold adds it to the roll-ups later.
 */
export async function appliquerCompteurs(
  tx: Executeur,
  cle: CleRollup,
  delta: Compteurs,
): Promise<void> {
  if (Object.values(delta).every((n) => n === 0)) return;
  await ajouterAuxRollups(tx, { ...cle, compteurs: vecteurCompteurs(delta) });
  if ((delta.activites ?? 0) < 0)
    await relireDerniereActivite(tx, { conseillerId: cle.conseillerId });
}

/**
 * Folds every pending row into the five roll-ups in one statement: the rows it deletes are the
 * rows it adds, so a report's counters count exactly once whatever runs meanwhile. One fold at
 * a time (an advisory lock): two folds would lock the same roll-up rows in different orders.
 * Returns the number of rows folded, or null when another fold was running.
 */
export async function verserAttente(db: Db): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [verrou] = await lignes<{ pris: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtext('cnfs_verser_attente')) as pris`,
    );
    if (!verrou?.pris) return null;
    const sommes = sommesDesCompteurs();
    const [r] = await lignes<{ n: number }>(
      tx,
      sql`with verse as (delete from stat_attente returning *),
        conseiller as (
          insert into stat_conseiller_jour (conseiller_id, structure_id, jour, ${NOMS})
          select conseiller_id, structure_id, jour, ${sommes} from verse
          where structure_id is not null group by conseiller_id, structure_id, jour
          on conflict (conseiller_id, structure_id, jour)
          do update set ${increments("stat_conseiller_jour")}),
        departement as (
          insert into stat_departement_jour (departement_code, jour, ${NOMS})
          select departement_code, jour, ${sommes} from verse
          where departement_code is not null group by departement_code, jour
          on conflict (departement_code, jour) do update set ${increments("stat_departement_jour")}),
        mois as (
          insert into stat_departement_mois (departement_code, mois, ${NOMS})
          select departement_code, date_trunc('month', jour)::date, ${sommes} from verse
          where departement_code is not null
          group by departement_code, date_trunc('month', jour)
          on conflict (departement_code, mois) do update set ${increments("stat_departement_mois")}),
        national as (
          insert into stat_national_jour (jour, ${NOMS})
          select jour, ${sommes} from verse where departement_code is not null group by jour
          on conflict (jour) do update set ${increments("stat_national_jour")}),
        national_mois as (
          insert into stat_national_mois (mois, ${NOMS})
          select date_trunc('month', jour)::date, ${sommes} from verse
          where departement_code is not null group by date_trunc('month', jour)
          on conflict (mois) do update set ${increments("stat_national_mois")})
        select count(*)::int as n from verse`,
    );
    return r?.n ?? 0;
  });
}

/**
 * A roll-up as statistics see it: its rows plus the pending rows not folded yet, projected on
 * its key (`where` conditions on the key columns apply to both; PostgreSQL pushes them down).
 */
export type TableRollup =
  | "stat_conseiller_jour"
  | "stat_departement_jour"
  | "stat_departement_mois"
  | "stat_national_jour"
  | "stat_national_mois";

export function rollupAvecAttente(table: TableRollup): SQL {
  const projection = {
    stat_conseiller_jour: sql`conseiller_id, structure_id, jour`,
    stat_departement_jour: sql`departement_code, jour`,
    stat_departement_mois: sql`departement_code, date_trunc('month', jour)::date as mois`,
    stat_national_jour: sql`jour`,
    stat_national_mois: sql`date_trunc('month', jour)::date as mois`,
  }[table];
  const cle = {
    stat_conseiller_jour: sql`conseiller_id, structure_id, jour`,
    stat_departement_jour: sql`departement_code, jour`,
    stat_departement_mois: sql`departement_code, mois`,
    stat_national_jour: sql`jour`,
    stat_national_mois: sql`mois`,
  }[table];
  const present =
    table === "stat_conseiller_jour"
      ? sql`structure_id is not null`
      : sql`departement_code is not null`;
  return sql`(select ${cle}, ${NOMS} from ${ident(table)}
    union all
    select ${projection}, ${NOMS} from stat_attente where ${present})`;
}

export type Ecart = { table: string; cle: string; colonnes: string[] };

const LIMITE_ECARTS = 1_000;

/**
 * Compares a roll-up table with the same counters recomputed from the raw reports, inside the
 * database (a national table does not fit in memory): the rows and counters that differ.
 */
async function ecartsDe(
  tx: Executeur,
  table: Parameters<typeof rollupAvecAttente>[0],
  cles: string[],
  attendu: ReturnType<typeof sql>,
): Promise<Ecart[]> {
  const colonne = (alias: string, c: string) =>
    sql`coalesce(${sql.identifier(alias)}.${sql.identifier(c)}, 0)`;
  const differe = (c: string) => sql`${colonne("a", c)} <> ${colonne("t", c)}`;
  const cleSql = liste(cles.map(ident));
  const lignesEcart = await lignes<{ cle: string; colonnes: string[] }>(
    tx,
    sql`with a as (${attendu})
        select concat_ws('/', ${sql.join(
          cles.map((k) => sql`coalesce(a.${sql.identifier(k)}, t.${sql.identifier(k)})::text`),
          sql`, `,
        )}) as cle,
        array_remove(array[${sql.join(
          COLONNES_COMPTEURS.map((c) => sql`case when ${differe(c)} then ${c} end`),
          sql`, `,
        )}], null) as colonnes
        from a full outer join (
          select ${cleSql}, ${sommesDesCompteurs()} from ${rollupAvecAttente(table)} r
          group by ${cleSql}
        ) t using (${cleSql})
        where ${sql.join(
          COLONNES_COMPTEURS.map((c) => differe(c)),
          sql` or `,
        )}
        limit ${LIMITE_ECARTS}`,
  );
  return lignesEcart.map((l) => ({ table, cle: l.cle, colonnes: l.colonnes }));
}

/**
 * `cnfs doctor`: every roll-up recomputed from the raw reports and compared, as statistics read
 * it (its rows plus the pending ones), row by row and counter by counter; an empty list means
 * the statistics are true (at most 1,000 rows per table are reported).
 */
export async function verifierRollups(tx: Executeur): Promise<Ecart[]> {
  const agregats = agregatsDepuisCra();
  return [
    ...(await ecartsDe(
      tx,
      "stat_conseiller_jour",
      ["conseiller_id", "structure_id", "jour"],
      sql`select c.conseiller_id, c.structure_id, c.date as jour, ${agregats}
          from cra c where c.structure_id is not null
          group by c.conseiller_id, c.structure_id, c.date`,
    )),
    ...(await ecartsDe(
      tx,
      "stat_departement_jour",
      ["departement_code", "jour"],
      sql`select c.departement_code, c.date as jour, ${agregats}
          from cra c where c.departement_code is not null
          group by c.departement_code, c.date`,
    )),
    ...(await ecartsDe(
      tx,
      "stat_departement_mois",
      ["departement_code", "mois"],
      sql`select c.departement_code, date_trunc('month', c.date)::date as mois, ${agregats}
          from cra c where c.departement_code is not null
          group by c.departement_code, date_trunc('month', c.date)`,
    )),
    ...(await ecartsDe(
      tx,
      "stat_national_jour",
      ["jour"],
      sql`select c.date as jour, ${agregats} from cra c
          where c.departement_code is not null group by c.date`,
    )),
    ...(await ecartsDe(
      tx,
      "stat_national_mois",
      ["mois"],
      sql`select date_trunc('month', c.date)::date as mois, ${agregats} from cra c
          where c.departement_code is not null group by date_trunc('month', c.date)`,
    )),
    ...(await ecartsDerniereActivite(tx)),
  ];
}

/** Each conseiller's last day of activity (kept with the counters) against the reports. */
async function ecartsDerniereActivite(tx: Executeur): Promise<Ecart[]> {
  const ecarts = await lignes<{ cle: string }>(
    tx,
    sql`select coalesce(a.conseiller_id, d.conseiller_id)::text as cle
        from (select conseiller_id, max(date) as jour from cra group by 1) a
        full outer join derniere_activite d using (conseiller_id)
        where a.jour is distinct from d.jour
        limit ${LIMITE_ECARTS}`,
  );
  return ecarts.map((e) => ({ table: "derniere_activite", cle: e.cle, colonnes: ["jour"] }));
}

/**
 * Rebuilds every roll-up from the raw reports (bulk loads, `cnfs doctor --reparer`): one
 * statement per table inside the caller's transaction.
 */
export async function reconstruireRollups(tx: Executeur): Promise<void> {
  const agregats = agregatsDepuisCra();
  const colonnes = sql.join(
    COLONNES_COMPTEURS.map((c) => sql.identifier(c)),
    sql`, `,
  );
  await tx.execute(sql`delete from stat_attente`);
  await tx.execute(sql`delete from stat_conseiller_jour`);
  await tx.execute(sql`delete from stat_departement_jour`);
  await tx.execute(sql`delete from stat_departement_mois`);
  await tx.execute(sql`delete from stat_national_jour`);
  await tx.execute(sql`delete from stat_national_mois`);
  await tx.execute(sql`delete from derniere_activite`);
  await tx.execute(sql`
    insert into derniere_activite (conseiller_id, jour)
    select conseiller_id, max(date) from cra group by conseiller_id`);
  await tx.execute(sql`
    insert into stat_conseiller_jour (conseiller_id, structure_id, jour, ${colonnes})
    select c.conseiller_id, c.structure_id, c.date, ${agregats}
    from cra c where c.structure_id is not null
    group by c.conseiller_id, c.structure_id, c.date`);
  await tx.execute(sql`
    insert into stat_departement_jour (departement_code, jour, ${colonnes})
    select c.departement_code, c.date, ${agregats}
    from cra c where c.departement_code is not null
    group by c.departement_code, c.date`);
  await tx.execute(sql`
    insert into stat_departement_mois (departement_code, mois, ${colonnes})
    select departement_code, date_trunc('month', jour)::date, ${sommesDesCompteurs()}
    from stat_departement_jour group by departement_code, date_trunc('month', jour)`);
  await tx.execute(sql`
    insert into stat_national_jour (jour, ${colonnes})
    select jour, ${sommesDesCompteurs()} from stat_departement_jour group by jour`);
  await tx.execute(sql`
    insert into stat_national_mois (mois, ${colonnes})
    select mois, ${sommesDesCompteurs()} from stat_departement_mois group by mois`);
}
