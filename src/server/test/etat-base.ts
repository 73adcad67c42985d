import { sql } from "drizzle-orm";
import { type Db, lignes } from "../db/client.ts";

/**
 * A fingerprint of every table's content (row count and a hash of its rows): two equal
 * fingerprints mean a refused request changed nothing, journal included.
 */
export async function empreinteDesTables(db: Db): Promise<Record<string, string>> {
  const tables = await lignes<{ nom: string }>(
    db,
    sql`select tablename as nom from pg_tables where schemaname = 'public' order by tablename`,
  );
  const resultat: Record<string, string> = {};
  for (const { nom } of tables) {
    const [r] = await lignes<{ n: number; h: string | null }>(
      db,
      sql`select count(*)::int as n, md5(string_agg(md5(t::text), '' order by md5(t::text))) as h
          from ${sql.identifier(nom)} t`,
    );
    resultat[nom] = `${r!.n}:${r!.h ?? ""}`;
  }
  return resultat;
}
