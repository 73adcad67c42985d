import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { identifiantSchema } from "../../domain/champs.ts";
import type { Contexte } from "../contexte.ts";
import { refuser } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { signalerErreurLieu } from "./signalement-service.ts";

const signalementSchema = z
  .object({
    message: z
      .string({ error: "Décrivez l'erreur constatée." })
      .trim()
      .min(10, "Décrivez l'erreur en quelques mots (10 caractères au moins).")
      .max(2000, "Le message ne doit pas dépasser 2 000 caractères."),
    courriel: z
      .union([z.literal(""), z.email("L'adresse électronique n'est pas valide.")])
      .default(""),
  })
  .strict();

export function routesSignalement(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/lieux/:id/signalements",
    {
      config: { acces: "public", rateLimit: { max: 5, timeWindow: "1 hour" } },
      schema: {
        tags: ["API publique : lieux et carte"],
        summary: "Signaler une erreur sur la fiche d'un lieu",
        params: z.object({ id: z.uuid("Identifiant de lieu invalide.") }),
        body: signalementSchema,
        response: {
          201: identifiantSchema,
          400: corpsErreurSchema,
          404: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const resultat = await signalerErreurLieu(ctx.db, ctx.messagerie, {
        lieuId: requete.params.id,
        ...requete.body,
        acteur: acteurDeRequete(requete),
        urlPublique: ctx.config.urlPublique,
      });
      if (!resultat.ok) return refuser(reponse, resultat);
      ctx.messagerie.distribuerEnArrierePlan(resultat.valeur.mails);
      return reponse.status(201).send({ id: resultat.valeur.id });
    },
  );
}
