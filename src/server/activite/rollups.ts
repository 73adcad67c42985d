import { sql } from "drizzle-orm";
import { COLONNES_COMPTEURS, type Compteurs } from "../../domain/cra/compteurs.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { agregatsDepuisCra, sommesDesCompteurs } from "./compteurs-sql.ts";

export type CleRollup = {
  conseillerId: string;
  structureId: string;
  departementCode: string | null;
  jour: string;
};

/**
 * Adds a report's counters (or takes them back) in the caller's transaction: the three roll-ups
 * in one statement (data-modifying CTEs), a single round trip while their rows are locked.
 */
export async function appliquerCompteurs(
  tx: Executeur,
  cle: CleRollup,
  delta: Compteurs,
): Promise<void> {
  const colonnes = Object.keys(delta).filter((c) => COLONNES_COMPTEURS.includes(c));
  if (colonnes.length === 0) return;
  const noms = sql.join(
    colonnes.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const valeurs = sql.join(
    colonnes.map((c) => sql`${delta[c]}::int`),
    sql`, `,
  );
  const increments = (table: string) =>
    sql.join(
      colonnes.map(
        (c) =>
          sql`${sql.identifier(c)} = ${sql.identifier(table)}.${sql.identifier(c)} + excluded.${sql.identifier(c)}`,
      ),
      sql`, `,
    );
  const conseiller = sql`insert into stat_conseiller_jour (conseiller_id, structure_id, jour, ${noms})
    values (${cle.conseillerId}, ${cle.structureId}, ${cle.jour}, ${valeurs})
    on conflict (conseiller_id, structure_id, jour) do update set ${increments("stat_conseiller_jour")}`;
  if (!cle.departementCode) {
    await tx.execute(conseiller);
    return;
  }
  await tx.execute(sql`
    with c as (${conseiller} returning 1),
    j as (
      insert into stat_departement_jour (departement_code, jour, ${noms})
      values (${cle.departementCode}, ${cle.jour}, ${valeurs})
      on conflict (departement_code, jour) do update set ${increments("stat_departement_jour")}
      returning 1
    )
    insert into stat_departement_mois (departement_code, mois, ${noms})
    values (${cle.departementCode}, ${`${cle.jour.slice(0, 7)}-01`}, ${valeurs})
    on conflict (departement_code, mois) do update set ${increments("stat_departement_mois")}`);
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
