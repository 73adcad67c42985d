import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { conflit, introuvable } from "../../domain/erreurs.ts";
import { etatDesTachesSchema, relanceTacheSchema } from "../../domain/taches.ts";
import type { Contexte } from "../contexte.ts";
import { refuser } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete, journaliser } from "../infra/journal.ts";
import { TACHES } from "./catalogue.ts";
import { etatDeLaFile } from "./etat.ts";

const tag = ["Tâches"];

/** The ANCT's view of the periodic tasks: when each ran, what failed, and a retry. */
export function routesTaches(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const locales = ctx.taches && "etat" in ctx.taches ? ctx.taches : undefined;

  r.get(
    "/api/admin/taches",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary:
          "Chaque tâche périodique : planification, dernière réussite, dernier échec et son erreur, travaux en attente, échecs mis de côté",
        response: { 200: etatDesTachesSchema },
      },
    },
    async () => ({
      mode: locales ? ("locales" as const) : ("worker" as const),
      taches: locales ? locales.etat() : await etatDeLaFile(ctx.db, TACHES),
    }),
  );

  r.post(
    "/api/admin/taches/:nom/relance",
    {
      config: { acces: ["admin"], rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary: "Relancer une tâche maintenant (journalisé)",
        params: z.object({ nom: z.string().max(60, "Tâche inconnue.") }),
        response: {
          200: relanceTacheSchema,
          202: relanceTacheSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const { nom } = requete.params;
      const tache = TACHES.find((t) => t.nom === nom);
      if (!tache) return refuser(reponse, introuvable("Tâche inconnue.", "nom"));
      if (!ctx.taches)
        return refuser(
          reponse,
          conflit("nom", "Aucun processus n'exécute les tâches de cette instance."),
        );
      await journaliser(ctx.db, acteurDeRequete(requete), {
        action: "tache.relancee",
        cibleType: "tache",
        cibleId: nom,
      });
      if ("etat" in ctx.taches) {
        await ctx.taches.relancer(nom);
        return { message: `Tâche « ${tache.libelle} » exécutée.` };
      }
      const envoi = await ctx.taches.envoyer(nom);
      if (envoi === "sans_file")
        return refuser(
          reponse,
          conflit(
            "nom",
            "La file de tâches n'existe pas encore : démarrez un worker (npm run worker).",
          ),
        );
      return reponse
        .status(202)
        .send({ message: `Tâche « ${tache.libelle} » mise en file : un worker l'exécute.` });
    },
  );
}
