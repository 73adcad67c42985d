import type { FastifyBaseLogger } from "fastify";
import PgBoss from "pg-boss";
import type { ContexteTaches, Tache } from "./catalogue.ts";
import { FILES_DE_TRAVAUX } from "./travaux.ts";

/** Where the queue keeps its tables, beside the platform's. */
export const SCHEMA_FILE = "file_taches";

/** A failed run is tried again this many times, after 30 s then doubling, then set aside. */
const NOUVELLES_TENTATIVES = 3;

export const fileDesEchecs = (nom: string) => `${nom}__echecs`;

/**
 * Creates each task's queue and its dead-letter queue, and the one-off work's queues (the
 * release does it, so that a web instance can ask for work before any worker started). A queue
 * that exists is left as it is.
 */
export async function creerLesFiles(
  boss: PgBoss,
  taches: readonly Tache[],
  nouvellesTentatives?: { nombre: number; delaiSecondes: number },
): Promise<void> {
  const reglage = {
    retryLimit: nouvellesTentatives?.nombre ?? NOUVELLES_TENTATIVES,
    retryDelay: nouvellesTentatives?.delaiSecondes ?? 30,
    retryBackoff: true,
    // A run that hangs is given back to the queue after a quarter of an hour.
    expireInSeconds: 15 * 60,
  };
  for (const nom of [...taches.map((t) => t.nom), ...FILES_DE_TRAVAUX]) {
    await boss.createQueue(fileDesEchecs(nom), { name: fileDesEchecs(nom) });
    await boss.createQueue(nom, { name: nom, ...reglage, deadLetter: fileDesEchecs(nom) });
  }
}

/**
 * The queue on PostgreSQL (pg-boss, ADR 021). Each task is a queue with its schedule: pg-boss
 * turns each cron tick into one job per cluster, however many processes schedule it, and one
 * worker takes it (`SKIP LOCKED`). Retries with backoff, then the dead-letter queue; every run
 * stays in the queue's tables (its history). `travailler`: this process runs the jobs (the
 * worker); without it, it only schedules.
 */
export async function demarrerFileDeTaches(
  url: string,
  taches: readonly Tache[],
  ctx: ContexteTaches,
  log: FastifyBaseLogger,
  options: {
    travailler: boolean;
    intervalleCronSecondes?: number;
    /** Retries of a failed run (3, after 30 s then doubling, by default). */
    nouvellesTentatives?: { nombre: number; delaiSecondes: number };
  } = { travailler: true },
): Promise<{ boss: PgBoss; arreter: () => Promise<void> }> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA_FILE,
    max: 4,
    ...(options.intervalleCronSecondes
      ? {
          cronMonitorIntervalSeconds: options.intervalleCronSecondes,
          cronWorkerIntervalSeconds: options.intervalleCronSecondes,
        }
      : {}),
  });
  boss.on("error", (erreur) => log.error({ err: erreur }, "File de tâches : erreur"));
  await boss.start();
  await creerLesFiles(boss, taches, options.nouvellesTentatives);
  for (const t of taches) {
    await boss.schedule(t.nom, t.cron, {}, { tz: "Europe/Paris" });
    if (options.travailler)
      await boss.work(t.nom, { pollingIntervalSeconds: 2 }, async () => {
        try {
          await t.executer(ctx);
        } catch (erreur) {
          log.error({ err: erreur, tache: t.nom }, `Échec de la tâche ${t.nom}`);
          throw erreur;
        }
      });
  }
  if (options.travailler)
    // Mails asked by the web instances' transactions: delivered within a second of the commit.
    await boss.work<{ ids: string[] }>(
      "courriels",
      { pollingIntervalSeconds: 0.5, batchSize: 50 },
      async (jobs) => {
        await ctx.messagerie.distribuer(jobs.flatMap((j) => j.data.ids));
      },
    );
  return {
    boss,
    arreter: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}
