import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { executerSurServeur, urlAvecBase } from "../db/base-jetable.ts";
import { type Base, lignes, ouvrirBase } from "../db/client.ts";
import { attendre } from "../test/attente.ts";
import type { ContexteTaches, Tache } from "./catalogue.ts";
import { etatDeLaFile } from "./etat.ts";
import { demarrerFileDeTaches, fileDesEchecs } from "./file-de-taches.ts";
import { clientDeFile, relanceParFile } from "./relance.ts";

const URL_PG = process.env.TEST_DATABASE_URL;
const log = pino({ level: "silent" });

describe.skipIf(!URL_PG)("file de tâches sur PostgreSQL (plusieurs processus)", () => {
  const nom = `cnfs_file_${process.pid}`;
  let url: string;
  let base: Base;
  const arrets: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const a of arrets) await a();
    await base?.fermer();
    await executerSurServeur(URL_PG!, `drop database if exists ${nom} with (force)`);
  });

  const demarrer = async (taches: Tache[], options = {}) => {
    const ctx = { db: base.db } as ContexteTaches;
    const f = await demarrerFileDeTaches(url, taches, ctx, log, {
      travailler: true,
      intervalleCronSecondes: 1,
      ...options,
    });
    arrets.push(f.arreter);
    return f;
  };

  it("une tâche planifiée par deux processus s'exécute une fois par échéance, dans un seul", async () => {
    await executerSurServeur(URL_PG!, `drop database if exists ${nom} with (force)`);
    await executerSurServeur(URL_PG!, `create database ${nom}`);
    url = urlAvecBase(URL_PG!, nom);
    base = await ouvrirBase({ url });
    const executions: string[] = [];
    const tache = (processus: string): Tache => ({
      nom: "compter",
      libelle: "Compter",
      cron: "* * * * *",
      periodeMs: 60_000,
      executer: async () => {
        executions.push(processus);
      },
    });
    await demarrer([tache("a")]);
    await demarrer([tache("b")]);
    // The next minute's tick: both processes schedule it, one job is made, one worker runs it.
    await attendre(() => executions.length > 0, 75_000);
    await new Promise((ok) => setTimeout(ok, 4_000));
    // Started close to a minute's end, the next échéance may come within the wait: each échéance
    // is one job of the queue, and no job runs twice, whichever process takes it.
    const [{ n }] = (await lignes(
      base.db,
      sql`select count(*)::int as n from file_taches.job where name = 'compter' and state <> 'created'`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    expect(executions).toHaveLength(n);
  }, 90_000);

  it("un échec est retenté, puis mis de côté dans la file des échecs", async () => {
    let tentatives = 0;
    const f = await demarrer(
      [
        {
          nom: "echouer",
          libelle: "Échouer",
          cron: "0 0 1 1 *",
          periodeMs: 60_000,
          executer: async () => {
            tentatives++;
            throw new Error("service indisponible");
          },
        },
      ],
      { nouvellesTentatives: { nombre: 1, delaiSecondes: 1 } },
    );
    await f.boss.send("echouer", {});
    await attendre(() => tentatives >= 2, 20_000);
    let echecs = 0;
    await attendre(async () => {
      echecs = await f.boss.getQueueSize(fileDesEchecs("echouer"));
      return echecs > 0;
    }, 10_000);
    expect(tentatives).toBe(2);
    expect(echecs).toBe(1);
  }, 40_000);

  it("l'état lu dans la file dit la dernière réussite, le dernier échec et ce qui est mis de côté ; une relance y part", async () => {
    const taches = [
      { nom: "compter", libelle: "Compter", cron: "* * * * *", periodeMs: 60_000 },
      { nom: "echouer", libelle: "Échouer", cron: "0 0 1 1 *", periodeMs: 60_000 },
    ].map((t) => ({ ...t, executer: async () => {} }));
    const [compter, echouer] = await etatDeLaFile(base.db, taches);
    expect(compter!.derniereReussite).not.toBeNull();
    expect(compter!.dernierEchec).toBeNull();
    expect(echouer!.derniereReussite).toBeNull();
    expect(echouer!.dernierEchec?.erreur).toBe("service indisponible");
    expect(echouer!.misDeCote).toBe(1);
    const relance = relanceParFile(await clientDeFile(url, { installer: false }));
    arrets.push(relance.arreter);
    expect(await relance.envoyer("absente")).toBe("sans_file");
    expect(await relance.envoyer("echouer")).toBe("envoyee");
  });
});
