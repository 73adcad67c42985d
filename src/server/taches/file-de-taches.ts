import type { FastifyBaseLogger } from "fastify";
import PgBoss from "pg-boss";
import type { ContexteTaches, Tache } from "./catalogue.ts";

/** Where the queue keeps its tables, beside the platform's. */
export const SCHEMA_FILE = "file_taches";

/** A failed run is tried again this many times, after 30 s then doubling, then set aside. */
const NOUVELLES_TENTATIVES = 3;

export const fileDesEchecs = (nom: string) => `${nom}__echecs`;

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
  for (const t of taches) {
    await boss.createQueue(fileDesEchecs(t.nom), { name: fileDesEchecs(t.nom) });
    await boss.createQueue(t.nom, {
      name: t.nom,
      retryLimit: options.nouvellesTentatives?.nombre ?? NOUVELLES_TENTATIVES,
      retryDelay: options.nouvellesTentatives?.delaiSecondes ?? 30,
      retryBackoff: true,
      deadLetter: fileDesEchecs(t.nom),
      // A run that hangs is given back to the queue after a quarter of an hour.
      expireInSeconds: 15 * 60,
    });
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
  return {
    boss,
    arreter: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}
