import { lireConfig } from "../src/server/config.ts";
import { baseJetable } from "../src/server/db/base-jetable.ts";
import { type Base, ouvrirBase } from "../src/server/db/client.ts";
import { chargerReferentiel } from "../src/server/db/referentiel.ts";
import { demarrerPlateforme, type Plateforme } from "../src/server/demarrage.ts";
import {
  genererEchelleNationale,
  MAINTENANT_NATIONAL,
} from "../src/server/demo/echelle-nationale.ts";

/** The benchmarks' clock: the national data's own "now", never the machine's. */
export const horlogeBench = (): Date => MAINTENANT_NATIONAL;

/** The real platform on a bench database, silent, without demo data, on the bench clock. */
export function plateformeDeBench(
  base: Base,
  env: Record<string, string> = {},
): Promise<Plateforme> {
  return demarrerPlateforme(
    lireConfig({ NODE_ENV: "test", CNFS_DEMO: "0", LOG_LEVEL: "silent", ...env }),
    { base, horloge: horlogeBench },
  );
}

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

/**
 * The national volumes with `cras` reports: a throwaway database loaded by the generator, or
 * the one BENCH_BASE_CHARGEE names (already loaded by `cnfs demo --echelle nationale --cra N`).
 */
export async function baseNationale(cras: number): Promise<Base> {
  const chargee = process.env.BENCH_BASE_CHARGEE;
  if (chargee) return ouvrirBase({ url: chargee });
  const base = await baseDeBench({ pglite: process.env.BENCH_PGLITE === "1" });
  await genererEchelleNationale(base.db, { volumes: { cras } });
  return base;
}
