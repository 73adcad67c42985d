import { type SQL, type SQLChunk, sql } from "drizzle-orm";
import { COLONNES_COMPTEURS, type Compteurs } from "../../domain/cra/compteurs.ts";
import { type Executeur, lignes, requetePreparee } from "../db/client.ts";
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
 * The three roll-up upserts as CTEs reading the one-row relation `source` (conseiller_id,
 * structure_id, departement_code, jour, compteurs int[]): to be placed in a WITH so that a
 * report and its roll-ups are written by a single statement.
 */
export function ctesRollups(source: string): SQL {
  const s = ident(source);
  return sql`rollup_conseiller as (
      insert into stat_conseiller_jour (conseiller_id, structure_id, jour, ${NOMS})
      select s.conseiller_id, s.structure_id, s.jour, ${VALEURS} from ${s} s
      where s.structure_id is not null
      on conflict (conseiller_id, structure_id, jour) do update set ${increments("stat_conseiller_jour")}
      returning 1),
    rollup_jour as (
      insert into stat_departement_jour (departement_code, jour, ${NOMS})
      select s.departement_code, s.jour, ${VALEURS} from ${s} s
      where s.departement_code is not null
      on conflict (departement_code, jour) do update set ${increments("stat_departement_jour")}
      returning 1),
    rollup_mois as (
      insert into stat_departement_mois (departement_code, mois, ${NOMS})
      select s.departement_code, date_trunc('month', s.jour)::date, ${VALEURS} from ${s} s
      where s.departement_code is not null
      on conflict (departement_code, mois) do update set ${increments("stat_departement_mois")}
      returning 1)`;
}

const ajouterAuxRollups = requetePreparee(
  "cnfs_rollups",
  sql`with source as (
      select ${sql.placeholder("conseillerId")}::uuid as conseiller_id,
        ${sql.placeholder("structureId")}::uuid as structure_id,
        ${sql.placeholder("departementCode")}::text as departement_code,
        ${sql.placeholder("jour")}::date as jour,
        ${sql.placeholder("compteurs")}::int[] as compteurs),
    ${ctesRollups("source")}
    select 1`,
);

/**
 * Adds a report's counters (or takes them back) in the caller's transaction: the three roll-ups
 * in one prepared statement, a single round trip while their rows are locked.
 */
export async function appliquerCompteurs(
  tx: Executeur,
  cle: CleRollup,
  delta: Compteurs,
): Promise<void> {
  if (Object.values(delta).every((n) => n === 0)) return;
  await ajouterAuxRollups(tx, { ...cle, compteurs: vecteurCompteurs(delta) });
}

export type Ecart = { table: string; cle: string; colonnes: string[] };

const LIMITE_ECARTS = 1_000;

/**
 * Compares a roll-up table with the same counters recomputed from the raw reports, inside the
 * database (a national table does not fit in memory): the rows and counters that differ.
 */
async function ecartsDe(
  tx: Executeur,
  table: string,
  cles: string[],
  attendu: ReturnType<typeof sql>,
): Promise<Ecart[]> {
  const colonne = (alias: string, c: string) =>
    sql`coalesce(${sql.identifier(alias)}.${sql.identifier(c)}, 0)`;
  const differe = (c: string) => sql`${colonne("a", c)} <> ${colonne("t", c)}`;
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
        from a full outer join ${sql.identifier(table)} t using (${sql.join(
          cles.map((k) => sql.identifier(k)),
          sql`, `,
        )})
        where ${sql.join(
          COLONNES_COMPTEURS.map((c) => differe(c)),
          sql` or `,
        )}
        limit ${LIMITE_ECARTS}`,
  );
  return lignesEcart.map((l) => ({ table, cle: l.cle, colonnes: l.colonnes }));
}

/**
 * `cnfs doctor`: every roll-up recomputed from the raw reports and compared, row by row and
 * counter by counter; an empty list means the statistics are true (at most 1,000 rows per
 * table are reported).
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
  ];
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
  await tx.execute(sql`delete from stat_conseiller_jour`);
  await tx.execute(sql`delete from stat_departement_jour`);
  await tx.execute(sql`delete from stat_departement_mois`);
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
}
