import PgBoss from "pg-boss";
import { TACHES } from "./catalogue.ts";
import { creerLesFiles, SCHEMA_FILE } from "./file-de-taches.ts";

/** A web instance beside a worker: it asks the queue for a run, the worker does it. */
export type RelanceParFile = {
  envoyer: (nom: string) => Promise<"envoyee" | "sans_file">;
  arreter: () => Promise<void>;
};

/**
 * The queue as a web instance uses it: a pg-boss client without its supervision or its clock,
 * that only sends (a retry the ANCT asks, the work a change causes). `installer`: outside
 * production, where no release step ran, it creates the queue's tables and queues itself.
 */
export async function clientDeFile(
  url: string,
  options: { installer: boolean; log?: { error: (o: object, m: string) => void } },
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA_FILE,
    max: 2,
    supervise: false,
    schedule: false,
    migrate: options.installer,
  });
  // A send's own error reaches its caller; these are the pool's (a connection lost while idle).
  boss.on("error", (erreur) => options.log?.error({ err: erreur }, "File de tâches : erreur"));
  await boss.start();
  if (options.installer) await creerLesFiles(boss, TACHES);
  return boss;
}

export function relanceParFile(boss: PgBoss): RelanceParFile {
  return {
    envoyer: async (nom) => {
      if (!(await boss.getQueue(nom))) return "sans_file";
      await boss.send(nom, {});
      return "envoyee";
    },
    arreter: () => boss.stop({ graceful: false, wait: true }),
  };
}
