import { z } from "zod";
import { messageSchema } from "./champs.ts";

/** What the ANCT's "Tâches périodiques" page shows of a periodic task. */
export const etatTacheSchema = z.object({
  nom: z.string(),
  libelle: z.string(),
  cron: z.string(),
  derniereReussite: z.string().nullable(),
  dernierEchec: z.object({ le: z.string(), erreur: z.string() }).nullable(),
  /** Runs waiting or running now. */
  enAttente: z.number(),
  /** Runs that failed every retry, set aside in the task's dead-letter queue. */
  misDeCote: z.number(),
});
export type EtatTache = z.infer<typeof etatTacheSchema>;

/** `GET /api/admin/taches`: who runs the tasks (this process, or the workers) and their state. */
export const etatDesTachesSchema = z.object({
  mode: z.enum(["locales", "worker"]),
  taches: z.array(etatTacheSchema),
});

/** `POST /api/admin/taches/:nom/relance`: what happened, in a sentence. */
export const relanceTacheSchema = messageSchema;

/** `GET /api/sante/detail`: what the service's health is read from (the same as /metrics). */
export const mesuresSchema = z.object({
  courrielsEnEchec: z.number(),
  /** CRA counters not yet folded into the roll-ups, and the age of the oldest (seconds). */
  compteursEnAttente: z.object({ nombre: z.number(), plusAncienSecondes: z.number().nullable() }),
  taches: z.array(etatTacheSchema),
});
export type Mesures = z.infer<typeof mesuresSchema>;
