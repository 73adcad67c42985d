import { sql } from "drizzle-orm";
import { COLONNES_COMPTEURS, type Compteurs } from "../../domain/cra/compteurs.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { statConseillerJour, statDepartementJour, statDepartementMois } from "../db/schema.ts";
import { agregatsDepuisCra, sommesDesCompteurs } from "./compteurs-sql.ts";

export type CleRollup = {
  conseillerId: string;
  structureId: string;
  departementCode: string | null;
  jour: string;
};

/** Adds a report's counters (or takes them back) in the caller's transaction. */
export async function appliquerCompteurs(
  tx: Executeur,
  cle: CleRollup,
  delta: Compteurs,
): Promise<void> {
  const colonnes = Object.keys(delta);
  if (colonnes.length === 0) return;
  const increments = (table: string) =>
    Object.fromEntries(
      colonnes.map((c) => [
        c,
        sql`${sql.identifier(table)}.${sql.identifier(c)} + excluded.${sql.identifier(c)}`,
      ]),
    );
  await tx
    .insert(statConseillerJour)
    .values({
      conseillerId: cle.conseillerId,
      structureId: cle.structureId,
      jour: cle.jour,
      ...delta,
    })
    .onConflictDoUpdate({
      target: [
        statConseillerJour.conseillerId,
        statConseillerJour.structureId,
        statConseillerJour.jour,
      ],
      set: increments("stat_conseiller_jour"),
    });
  if (!cle.departementCode) return;
  await tx
    .insert(statDepartementJour)
    .values({ departementCode: cle.departementCode, jour: cle.jour, ...delta })
    .onConflictDoUpdate({
      target: [statDepartementJour.departementCode, statDepartementJour.jour],
      set: increments("stat_departement_jour"),
    });
  await tx
    .insert(statDepartementMois)
    .values({ departementCode: cle.departementCode, mois: `${cle.jour.slice(0, 7)}-01`, ...delta })
    .onConflictDoUpdate({
      target: [statDepartementMois.departementCode, statDepartementMois.mois],
      set: increments("stat_departement_mois"),
    });
}

export type Ecart = { table: string; cle: string; colonnes: string[] };

/**
 * `cnfs doctor`: every roll-up recomputed from the raw reports and compared, row by row and
 * counter by counter; an empty list means the statistics are true.
 */
export async function verifierRollups(tx: Executeur): Promise<Ecart[]> {
  const ecarts: Ecart[] = [];
  const comparer = async (
    table: string,
    cle: string[],
    attendues: Record<string, unknown>[],
    lues: Record<string, unknown>[],
  ) => {
    const index = (l: Record<string, unknown>) => cle.map((k) => String(l[k])).join("/");
    const parCle = new Map(lues.map((l) => [index(l), l]));
    const vues = new Set<string>();
    for (const a of attendues) {
      const k = index(a);
      vues.add(k);
      const l = parCle.get(k);
      const colonnes = Object.keys(a).filter(
        (c) => !cle.includes(c) && Number(a[c] ?? 0) !== Number(l?.[c] ?? 0),
      );
      if (colonnes.length > 0) ecarts.push({ table, cle: k, colonnes });
    }
    for (const [k, l] of parCle) {
      if (vues.has(k)) continue;
      const colonnes = Object.keys(l).filter((c) => !cle.includes(c) && Number(l[c]) !== 0);
      if (colonnes.length > 0) ecarts.push({ table, cle: k, colonnes });
    }
  };
  const agregats = agregatsDepuisCra();
  await comparer(
    "stat_conseiller_jour",
    ["conseiller_id", "structure_id", "jour"],
    await lignes(
      tx,
      sql`select c.conseiller_id, c.structure_id, c.date::text as jour, ${agregats}
          from cra c where c.structure_id is not null
          group by c.conseiller_id, c.structure_id, c.date`,
    ),
    await lignes(tx, sql`select *, jour::text as jour from stat_conseiller_jour`),
  );
  await comparer(
    "stat_departement_jour",
    ["departement_code", "jour"],
    await lignes(
      tx,
      sql`select c.departement_code, c.date::text as jour, ${agregats}
          from cra c where c.departement_code is not null
          group by c.departement_code, c.date`,
    ),
    await lignes(tx, sql`select *, jour::text as jour from stat_departement_jour`),
  );
  await comparer(
    "stat_departement_mois",
    ["departement_code", "mois"],
    await lignes(
      tx,
      sql`select c.departement_code, date_trunc('month', c.date)::date::text as mois, ${agregats}
          from cra c where c.departement_code is not null
          group by c.departement_code, date_trunc('month', c.date)`,
    ),
    await lignes(tx, sql`select *, mois::text as mois from stat_departement_mois`),
  );
  return ecarts;
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
