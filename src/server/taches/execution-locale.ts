import type { EtatTache } from "../../domain/taches.ts";
import type { ContexteTaches, Tache } from "./catalogue.ts";

type Journal = { error: (o: object, m: string) => void };

/** What the embedded runner remembers of each task (its process is the only one running it). */
type Memoire = { reussite: Date | null; echec: { le: Date; erreur: string } | null };

export type ExecutionLocale = {
  etat: () => EtatTache[];
  /** Runs a task now, unless it is already running (the ANCT's "Relancer"). */
  relancer: (nom: string) => Promise<void>;
  arreter: () => Promise<void>;
};

/**
 * The embedded mode's runner: one process alone on its database runs each task at its interval,
 * the same functions as the queue's worker. A run still going when the next is due is not
 * doubled; a failure is logged and remembered, and the next run tries again.
 */
export function executerLocalement(
  taches: readonly Tache[],
  ctx: ContexteTaches,
  log: Journal,
): ExecutionLocale {
  const enCours = new Map<string, Promise<unknown>>();
  const memoire = new Map<string, Memoire>(
    taches.map((t) => [t.nom, { reussite: null, echec: null }]),
  );
  const lancer = (t: Tache) => {
    const existante = enCours.get(t.nom);
    if (existante) return existante;
    const m = memoire.get(t.nom)!;
    const run = t
      .executer(ctx)
      .then(() => {
        m.reussite = ctx.horloge();
      })
      .catch((erreur) => {
        m.echec = {
          le: ctx.horloge(),
          erreur: erreur instanceof Error ? erreur.message : String(erreur),
        };
        log.error({ err: erreur, tache: t.nom }, `Échec de la tâche ${t.nom}`);
      })
      .finally(() => enCours.delete(t.nom));
    enCours.set(t.nom, run);
    return run;
  };
  const minuteries = taches.map((t) => {
    const m = setInterval(() => void lancer(t), t.periodeMs);
    m.unref();
    return m;
  });
  return {
    etat: () =>
      taches.map((t) => {
        const m = memoire.get(t.nom)!;
        return {
          nom: t.nom,
          libelle: t.libelle,
          cron: t.cron,
          derniereReussite: m.reussite?.toISOString() ?? null,
          dernierEchec: m.echec ? { le: m.echec.le.toISOString(), erreur: m.echec.erreur } : null,
          enAttente: enCours.has(t.nom) ? 1 : 0,
          misDeCote: 0,
        };
      }),
    relancer: async (nom) => {
      const t = taches.find((x) => x.nom === nom);
      if (t) await lancer(t);
    },
    arreter: async () => {
      for (const m of minuteries) clearInterval(m);
      await Promise.all(enCours.values());
    },
  };
}
