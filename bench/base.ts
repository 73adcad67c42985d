import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Base, ouvrirBase } from "../src/server/db/client.ts";
import { chargerReferentiel } from "../src/server/db/referentiel.ts";

/**
 * A throwaway database for a benchmark: on the PostgreSQL server of BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) when set, else PGlite in memory. Dropped at the end.
 */
export async function baseDeBench(): Promise<Base> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    const base = await ouvrirBase({ memoire: true });
    await chargerReferentiel(base.db);
    return base;
  }
  const nom = `cnfs_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${nom}`);
  await admin.end();
  const cible = new URL(url);
  cible.pathname = `/${nom}`;
  const base = await ouvrirBase({ url: cible.toString() });
  await chargerReferentiel(base.db);
  return {
    ...base,
    fermer: async () => {
      await base.fermer();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${nom} with (force)`);
      await c.end();
    },
  };
}
