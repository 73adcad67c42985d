import PgBoss from "pg-boss";
import { SCHEMA_FILE } from "./file-de-taches.ts";

/** A web instance beside a worker: it asks the queue for a run, the worker does it. */
export type RelanceParFile = {
  envoyer: (nom: string) => Promise<"envoyee" | "sans_file">;
  arreter: () => Promise<void>;
};

/**
 * Sends one run of a task to the queue, from a process that neither schedules nor works: a
 * pg-boss client without its supervision, its clock or its migrations, started at the first
 * retry the ANCT asks (most web instances never need it).
 */
export function relanceParFile(url: string): RelanceParFile {
  let boss: Promise<PgBoss> | undefined;
  const client = () => {
    boss ??= (async () => {
      const b = new PgBoss({
        connectionString: url,
        schema: SCHEMA_FILE,
        max: 1,
        supervise: false,
        schedule: false,
        migrate: false,
      });
      b.on("error", () => {});
      await b.start();
      return b;
    })();
    return boss;
  };
  return {
    envoyer: async (nom) => {
      const b = await client().catch(() => {
        boss = undefined;
        return null;
      });
      if (!b || !(await b.getQueue(nom))) return "sans_file";
      await b.send(nom, {});
      return "envoyee";
    },
    arreter: async () => {
      const b = await boss?.catch(() => null);
      await b?.stop({ graceful: false, wait: true });
    },
  };
}
