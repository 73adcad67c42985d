import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { baseJetable } from "../db/base-jetable.ts";
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
  return baseJetable(url, { prefixe: "cnfs_t", modele });
}
