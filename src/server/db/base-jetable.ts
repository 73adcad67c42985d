import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Base, ouvrirBase } from "./client.ts";

export function urlAvecBase(url: string, nom: string): string {
  const u = new URL(url);
  u.pathname = `/${nom}`;
  return u.toString();
}

/** The rows of one statement run on its own connection to `url` (set-up, replication checks). */
export async function lignesSurServeur<T extends pg.QueryResultRow>(
  url: string,
  requete: string,
  valeurs: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(requete, valeurs)).rows;
  } finally {
    await client.end();
  }
}

export async function executerSurServeur(url: string, requete: string): Promise<void> {
  await lignesSurServeur(url, requete);
}

/**
 * A new database on the PostgreSQL server of `url` (optionally copied from a template), with
 * the schema up to date; closing it drops it. For tests and benchmarks only.
 */
export async function baseJetable(
  url: string,
  options: { prefixe: string; modele?: string },
): Promise<Base> {
  const nom = `${options.prefixe}_${randomBytes(6).toString("hex")}`;
  await executerSurServeur(
    url,
    `create database ${nom}${options.modele ? ` template ${options.modele}` : ""}`,
  );
  const base = await ouvrirBase({ url: urlAvecBase(url, nom) });
  return {
    ...base,
    fermer: async () => {
      await base.fermer();
      await executerSurServeur(url, `drop database if exists ${nom} with (force)`);
    },
  };
}
