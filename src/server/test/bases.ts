import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { type Base, ouvrirBase, type TypeBase } from "../db/client.ts";

declare module "vitest" {
  export interface ProvidedContext {
    instantanePglite: string;
    modelePostgresql: string | null;
  }
}

/** Every database test runs on PGlite, and on the PostgreSQL server when TEST_DATABASE_URL is set. */
export const BASES_DE_TEST: TypeBase[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgresql"]
  : ["pglite"];

export function urlAvecBase(url: string, nom: string): string {
  const u = new URL(url);
  u.pathname = `/${nom}`;
  return u.toString();
}

/**
 * A fresh database holding the reference data and the demo personas, copied from the snapshot
 * the global setup made once (a PGlite data dump, or a PostgreSQL template database).
 */
export async function ouvrirBaseDeTest(type: TypeBase): Promise<Base> {
  if (type === "pglite") {
    const donnees = new Blob([await readFile(inject("instantanePglite"))]);
    return ouvrirBase({ memoire: true, donnees });
  }
  const modele = inject("modelePostgresql");
  const url = process.env.TEST_DATABASE_URL;
  if (!modele || !url)
    throw new Error("TEST_DATABASE_URL absente : pas de base PostgreSQL de test");
  const nom = `cnfs_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${nom} template ${modele}`);
  await admin.end();
  const base = await ouvrirBase({ url: urlAvecBase(url, nom) });
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
