import { readMigrationFiles } from "drizzle-orm/migrator";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { lireConfig } from "../config.ts";
import { demarrerPlateforme } from "../demarrage.ts";
import { executerSurServeur, urlAvecBase } from "./base-jetable.ts";
import { ouvrirBase, SchemaEnRetard } from "./client.ts";

const URL_PG = process.env.TEST_DATABASE_URL;
const MIGRATIONS = readMigrationFiles({
  migrationsFolder: new URL("./migrations", import.meta.url).pathname,
});
const PRODUCTION = {
  NODE_ENV: "production",
  CNFS_DEMO: "0",
  CLE_CHIFFREMENT_FICHIERS: Buffer.alloc(32, 5).toString("base64"),
};

describe("démarrage en production", () => {
  it("refuse la base embarquée : un seul processus, jamais en production", async () => {
    await expect(demarrerPlateforme(lireConfig(PRODUCTION))).rejects.toThrow(
      /DATABASE_URL est obligatoire/,
    );
  });
});

describe.skipIf(!URL_PG)("migrations, étape de mise en production, sous verrou", () => {
  const bases: string[] = [];
  const baseVide = async () => {
    const nom = `cnfs_mig_${bases.length}_${process.pid}`;
    await executerSurServeur(URL_PG!, `drop database if exists ${nom} with (force)`);
    await executerSurServeur(URL_PG!, `create database ${nom}`);
    bases.push(nom);
    return urlAvecBase(URL_PG!, nom);
  };
  afterAll(async () => {
    for (const nom of bases)
      await executerSurServeur(URL_PG!, `drop database if exists ${nom} with (force)`);
  });

  it("une instance de production refuse un schéma en retard et dit la commande qui le répare", async () => {
    const url = await baseVide();
    const refus = ouvrirBase({ url, migrations: "verifier" });
    await expect(refus).rejects.toBeInstanceOf(SchemaEnRetard);
    await expect(refus).rejects.toThrow(
      `en retard de ${MIGRATIONS.length} migrations sur cette version : lancez d'abord « npm run cnfs -- migrer »`,
    );
    await expect(
      demarrerPlateforme(lireConfig({ ...PRODUCTION, DATABASE_URL: url })),
    ).rejects.toBeInstanceOf(SchemaEnRetard);
    // Nothing was written by the check: the schema is still empty.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = await client.query(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    );
    await client.end();
    expect(tables.rows[0].n).toBe(0);
  });

  it("deux processus qui migrent ensemble le font l'un après l'autre, chaque migration une fois", async () => {
    const url = await baseVide();
    const [a, b, c] = await Promise.all([
      ouvrirBase({ url }),
      ouvrirBase({ url }),
      ouvrirBase({ url }),
    ]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const appliquees = await client.query(
      "select count(*)::int as n, count(distinct hash)::int as d from drizzle.__drizzle_migrations",
    );
    await client.end();
    expect(appliquees.rows[0]).toEqual({ n: MIGRATIONS.length, d: MIGRATIONS.length });
    for (const base of [a, b, c]) await base.fermer();
    // Up to date: a production instance now starts on it.
    const verifiee = await ouvrirBase({ url, migrations: "verifier" });
    await verifiee.fermer();
  });
});
