import { baseJetable } from "../src/server/db/base-jetable.ts";
import { type Base, ouvrirBase } from "../src/server/db/client.ts";
import { chargerReferentiel } from "../src/server/db/referentiel.ts";

/**
 * A throwaway database for a benchmark: on the PostgreSQL server of BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) when set, else (or when asked) PGlite in memory. Dropped at the end.
 */
export async function baseDeBench(options: { pglite?: boolean } = {}): Promise<Base> {
  const url = options.pglite
    ? undefined
    : (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  const base = url
    ? await baseJetable(url, { prefixe: "cnfs_bench" })
    : await ouvrirBase({ memoire: true });
  await chargerReferentiel(base.db);
  return base;
}
