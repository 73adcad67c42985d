import type { FastifyBaseLogger } from "fastify";
import type { ContexteTaches, Tache } from "./catalogue.ts";

/**
 * The embedded mode's runner: one process alone on its database runs each task at its interval,
 * the same functions as the queue's worker. A run still going when the next is due is not
 * doubled; a failure is logged and the next run tries again.
 */
export function executerLocalement(
  taches: readonly Tache[],
  ctx: ContexteTaches,
  log: FastifyBaseLogger,
): { arreter: () => Promise<void> } {
  const enCours = new Map<string, Promise<unknown>>();
  const minuteries = taches.map((t) => {
    const m = setInterval(() => {
      if (enCours.has(t.nom)) return;
      const run = t
        .executer(ctx)
        .catch((erreur) => log.error({ err: erreur, tache: t.nom }, `Échec de la tâche ${t.nom}`))
        .finally(() => enCours.delete(t.nom));
      enCours.set(t.nom, run);
    }, t.periodeMs);
    m.unref();
    return m;
  });
  return {
    arreter: async () => {
      for (const m of minuteries) clearInterval(m);
      await Promise.all(enCours.values());
    },
  };
}
