import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copierDepuis } from "pg-copy-streams";
import type { Db } from "./client.ts";

/** A CSV field as PostgreSQL's COPY reads it: an unquoted empty field is NULL. */
export function champCsv(valeur: string | number | boolean | null): string {
  if (valeur === null) return "";
  const texte = String(valeur);
  return texte === "" || /[",\n\r]/.test(texte) ? `"${texte.replaceAll('"', '""')}"` : texte;
}

/** A text[] literal for COPY (`{"a","b"}`), each element quoted so any text survives. */
export function tableauPg(valeurs: readonly string[]): string {
  return `{${valeurs.map((v) => `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}

/**
 * Writes CSV (chunks of whole lines, each line ending with a newline) into a table with COPY,
 * on either driver, as one statement: many times faster than multi-row INSERTs for bulk loads
 * (no bound parameters, no plan per statement). Identifiers are the caller's constants.
 */
export async function copierCsv(
  db: Db,
  table: string,
  colonnes: readonly string[],
  morceaux: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const commande = `copy ${table} (${colonnes.join(", ")}) from stdin with (format csv)`;
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof PGlite) {
    // PGlite reads COPY data from a blob it is handed, not from a stream.
    const tout: string[] = [];
    for await (const m of morceaux) tout.push(m);
    await client.query(commande.replace("stdin", "'/dev/blob'"), [], { blob: new Blob(tout) });
    return;
  }
  if (!(client instanceof pg.Pool)) throw new Error("Pilote de base inconnu pour COPY.");
  const connexion = await client.connect();
  try {
    await pipeline(Readable.from(morceaux), connexion.query(copierDepuis(commande)));
  } finally {
    connexion.release();
  }
}
