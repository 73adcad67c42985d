import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type ExtractTablesWithRelations, type SQL, sql as sqlBrut } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import {
  type PgDatabase,
  PgDialect,
  type PgQueryResultHKT,
  type PgTransaction,
} from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** One type for both drivers: the rest of the code never knows which database it talks to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executeur = Db | Tx;

export type TypeBase = "pglite" | "postgresql";

export type Base = {
  db: Db;
  type: TypeBase;
  fermer: () => Promise<void>;
  /** The server's connection pool (its use is a metric); none on PGlite. */
  pool?: pg.Pool;
};

const dossierMigrations = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * The contrib extensions the schema uses (spatial indexes, search by trigrams, a reader's key
 * beside the trigrams in one index).
 */
const extensions = { btree_gist, cube, earthdistance, pg_trgm };

export type OptionsBase =
  | {
      url: string;
      taillePool?: number;
      /**
       * `appliquer` (default): bring the schema up to date, under a lock; `verifier`: refuse a
       * schema that is behind (a production web instance: migrating is the release's step);
       * `aucune`: a read-only replica, whose schema is its primary's.
       */
      migrations?: "appliquer" | "verifier" | "aucune";
      /** Where an idle connection's loss is logged (a short command has none to keep). */
      journal?: { error: (o: object, m: string) => void };
    }
  | { dossier: string }
  | { memoire: true; donnees?: Blob | File };

/**
 * The advisory lock every migration run takes on the server: two processes starting together
 * (two instances, a release and an instance) migrate one after the other, the second finding
 * nothing left to do, instead of racing on the same `create table`.
 */
const VERROU_MIGRATIONS = 4_242_001;

async function migrerSousVerrou(pool: pg.Pool, db: Parameters<typeof migrateNodePg>[0]) {
  const verrou = await pool.connect();
  try {
    await verrou.query("select pg_advisory_lock($1)", [VERROU_MIGRATIONS]);
    await migrateNodePg(db, { migrationsFolder: dossierMigrations });
  } finally {
    await verrou.query("select pg_advisory_unlock($1)", [VERROU_MIGRATIONS]).catch(() => {});
    verrou.release();
  }
}

/** The schema error a web instance stops on: what is missing, and the command that fixes it. */
export class SchemaEnRetard extends Error {}

/** Whether the database holds every migration of this version (drizzle's own bookkeeping). */
async function verifierSchema(pool: pg.Pool) {
  const attendues = readMigrationFiles({ migrationsFolder: dossierMigrations });
  const derniere = attendues.at(-1)!.folderMillis;
  const r = await pool
    .query<{ n: string }>("select max(created_at)::text as n from drizzle.__drizzle_migrations")
    .catch(() => ({ rows: [{ n: null as string | null }] }));
  const appliquee = r.rows[0]?.n ? Number(r.rows[0].n) : null;
  if (appliquee === null || appliquee < derniere) {
    const manquantes = attendues.filter((m) => appliquee === null || m.folderMillis > appliquee);
    throw new SchemaEnRetard(
      `Le schéma de la base est en retard de ${manquantes.length} migration${manquantes.length > 1 ? "s" : ""} sur cette version : lancez d'abord « npm run cnfs -- migrer » (l'étape release), puis démarrez les instances.`,
    );
  }
}

/** Opens the database and brings its schema up to date (or checks it is, see `migrations`). */
export async function ouvrirBase(options: OptionsBase): Promise<Base> {
  if ("url" in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.taillePool ?? 20 });
    // An idle connection the server closes (restart, failover) must not bring the process down.
    pool.on("error", (erreur) =>
      options.journal?.error({ err: erreur }, "Connexion PostgreSQL inactive perdue"),
    );
    const db = drizzleNodePg(pool, { schema });
    try {
      if (options.migrations === "verifier") await verifierSchema(pool);
      else if (options.migrations !== "aucune") await migrerSousVerrou(pool, db);
    } catch (erreur) {
      await pool.end();
      throw erreur;
    }
    return {
      db: db as unknown as Db,
      type: "postgresql",
      pool,
      fermer: () => pool.end(),
    };
  }
  let client: PGlite;
  if ("dossier" in options) {
    mkdirSync(options.dossier, { recursive: true });
    client = new PGlite(options.dossier, { extensions });
  } else {
    client = new PGlite(
      options.donnees ? { loadDataDir: options.donnees, extensions } : { extensions },
    );
  }
  // PGlite is one process: a parallel plan's Gather node would wait forever for workers that
  // cannot start, the event loop blocked (a query that never returns, at 100 % CPU).
  await client.exec("set max_parallel_workers_per_gather = 0");
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: dossierMigrations });
  return {
    db: db as unknown as Db,
    type: "pglite",
    // Closing PGlite while a query is still queued or running spins its event loop forever
    // (electric-sql/pglite#1058): a few last queries wait behind the others (and behind what a
    // request still running asks next), then the close.
    fermer: async () => {
      for (let i = 0; i < 3; i++) {
        await client.query("select 1").catch(() => undefined);
        await new Promise((ok) => setImmediate(ok));
      }
      await client.close();
    },
  };
}

/** The underlying PGlite instance, when there is one (used to snapshot test databases). */
export function clientPglite(base: Base): PGlite | undefined {
  if (base.type !== "pglite") return undefined;
  return (base.db as unknown as { $client: PGlite }).$client;
}

/** Rows of a raw SQL query (aggregates, checks), typed by the caller; same on both drivers. */
export async function lignes<T>(db: Executeur, requete: SQL): Promise<T[]> {
  const resultat = (await db.execute(requete)) as unknown as { rows: T[] };
  return resultat.rows;
}

const dialecte = new PgDialect();

/** A statement's text and parameters as one string: a key for what it would return. */
export const cleDeRequete = (requete: SQL): string => JSON.stringify(dialecte.sqlToQuery(requete));

/**
 * A raw statement whose text is built once from `sql.placeholder`s and which the PostgreSQL
 * server parses and plans once per connection (a named statement): for the few statements that
 * run on every request of a hot path. On PGlite it runs as an ordinary query.
 */
export function requetePreparee<T>(
  nom: string,
  requete: SQL,
): (db: Executeur, valeurs: Record<string, unknown>) => Promise<T[]> {
  const texte = dialecte.sqlToQuery(requete);
  return async (db, valeurs) => {
    const resultat = await db._.session.prepareQuery(texte, undefined, nom, false).execute(valeurs);
    return (resultat as { rows: T[] }).rows;
  };
}

/**
 * A JS list as one SQL array parameter (`= any(…)`, `&&`): drizzle would otherwise expand an
 * array into a list of parameters.
 */
export const tableauSql = (valeurs: readonly string[], type: "text" | "uuid"): SQL =>
  sqlBrut`${sqlBrut.param(valeurs)}::${sqlBrut.raw(type)}[]`;

const nomsPrepares = new Map<string, string>();

/**
 * Rows of a statement built per request whose text takes few shapes (a filter combination):
 * each distinct text becomes a named statement, parsed and planned once per connection.
 */
export async function lignesPreparees<T>(db: Executeur, requete: SQL): Promise<T[]> {
  const texte = dialecte.sqlToQuery(requete);
  let nom = nomsPrepares.get(texte.sql);
  if (!nom) {
    nom = `cnfs_${createHash("sha1").update(texte.sql).digest("hex").slice(0, 20)}`;
    if (nomsPrepares.size < 1_000) nomsPrepares.set(texte.sql, nom);
  }
  const resultat = await db._.session.prepareQuery(texte, undefined, nom, false).execute();
  return (resultat as { rows: T[] }).rows;
}
