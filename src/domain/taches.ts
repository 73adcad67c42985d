/** What the ANCT's "Tâches périodiques" page shows of a periodic task. */
export type EtatTache = {
  nom: string;
  libelle: string;
  cron: string;
  derniereReussite: string | null;
  dernierEchec: { le: string; erreur: string } | null;
  /** Runs waiting or running now. */
  enAttente: number;
  /** Runs that failed every retry, set aside in the task's dead-letter queue. */
  misDeCote: number;
};
