import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { messageSchema } from "../../domain/champs.ts";
import { reussite } from "../../domain/erreurs.ts";
import { candidatureStructureSchema } from "../../domain/selection/structure.ts";
import { jetonSchema } from "../../domain/utilisateur.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { localiserOuCommune } from "../referentiel/index.ts";
import {
  confirmerCandidature,
  deposerCandidature,
  REPONSE_CANDIDATURE,
} from "./candidature-service.ts";

const tag = ["Candidatures des structures"];
const limite = { max: 5, timeWindow: "15 minutes" };

export function routesCandidatureStructure(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/candidatures-structures",
    {
      config: { acces: "public", rateLimit: limite },
      schema: {
        tags: tag,
        summary: "Candidater à un appel (structure, sans compte)",
        body: candidatureStructureSchema,
        response: {
          202: messageSchema,
          400: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      // Located before the transaction: a slow address service must not hold database locks.
      const coordonnees = await localiserOuCommune(
        ctx.db,
        ctx.geocodeur,
        requete.body.adresse,
        requete.body.communeCode,
      );
      const resultat = await deposerCandidature(ctx.db, ctx.messagerie, {
        candidature: requete.body,
        coordonnees,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
        urlPublique: ctx.config.urlPublique,
      });
      if (resultat.ok) await ctx.messagerie.distribuer(resultat.valeur.courriels);
      return repondre(
        reponse,
        resultat.ok ? reussite({ message: REPONSE_CANDIDATURE }) : resultat,
        202,
      );
    },
  );

  r.post(
    "/api/candidatures-structures/confirmation",
    {
      config: { acces: "public", rateLimit: { max: 20, timeWindow: "15 minutes" } },
      schema: {
        tags: tag,
        summary: "Confirmer une candidature par le lien reçu",
        body: jetonSchema,
        response: { 200: messageSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const resultat = await confirmerCandidature(ctx.db, {
        jeton: requete.body.jeton,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      return repondre(
        reponse,
        resultat.ok
          ? reussite({
              message:
                "Votre candidature est déposée. La préfecture de votre département va l'examiner.",
            })
          : resultat,
      );
    },
  );
}
