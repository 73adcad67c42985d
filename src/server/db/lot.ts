import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executeur } from "./client.ts";

/**
 * Inserts many rows in one statement, passed as one JSON document read by
 * `jsonb_populate_recordset` (one parameter whatever the number of rows: no statement of
 * thousands of placeholders to build, send and parse). The columns are the keys of the first
 * row, which every row carries; the others take their default. Values go through JSON: dates
 * as ISO strings, arrays and objects as themselves (jsonb and array columns).
 */
export async function insererEnLot<T extends PgTable>(
  tx: Executeur,
  table: T,
  rangees: readonly T["$inferInsert"][],
): Promise<void> {
  if (rangees.length === 0) return;
  const colonnes = getTableColumns(table) as Record<string, { name: string }>;
  const cles = Object.keys(rangees[0]!).filter((k) => k in colonnes);
  const noms = cles.map((k) => colonnes[k]!.name);
  const document = JSON.stringify(
    rangees.map((r) =>
      Object.fromEntries(cles.map((k, i) => [noms[i], (r as Record<string, unknown>)[k] ?? null])),
    ),
  );
  const liste = sql.join(
    noms.map((n) => sql.identifier(n)),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${table} (${liste})
        select ${liste} from jsonb_populate_recordset(null::${table}, ${document}::jsonb)`,
  );
}
