import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { okSchema } from "../../domain/champs.ts";
import {
  lienCreeSchema,
  mesLiensSchema,
  statistiquesPartageesSchema,
} from "../../domain/partages/api.ts";
import { lienPartageSchema, ROLES_PARTAGE } from "../../domain/partages/partage.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { creerLien, mesLiens, retirerLien, statistiquesDuLien } from "./partages-service.ts";

const tag = ["Statistiques partagées"];

export function routesPartages(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/partages",
    {
      config: { acces: ROLES_PARTAGE, rateLimit: { max: 30, timeWindow: "15 minutes" } },
      schema: {
        tags: tag,
        summary:
          "Créer un lien public, en lecture seule, vers les statistiques de mon périmètre sur une période",
        body: lienPartageSchema,
        response: { 201: lienCreeSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await creerLien(ctx.db, {
          connexion: connexionRequise(requete),
          lien: requete.body,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
          urlPublique: ctx.config.urlPublique,
        }),
        201,
      ),
  );

  r.get(
    "/api/partages",
    {
      config: { acces: ROLES_PARTAGE },
      schema: {
        tags: tag,
        summary: "Mes liens de partage, les plus récents d'abord",
        response: { 200: mesLiensSchema },
      },
    },
    async (requete) => mesLiens(ctx.db, connexionRequise(requete).utilisateur.id, ctx.horloge()),
  );

  r.delete(
    "/api/partages/:id",
    {
      config: { acces: ROLES_PARTAGE },
      schema: {
        tags: tag,
        summary: "Retirer un de mes liens de partage",
        params: z.object({ id: z.uuid("Identifiant de lien invalide.") }),
        response: { 200: okSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await retirerLien(ctx.db, {
          id: requete.params.id,
          utilisateurId: connexionRequise(requete).utilisateur.id,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
      ),
  );

  r.get(
    "/api/public/partages/:jeton",
    {
      config: { acces: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary: "Les statistiques d'un lien de partage, pour qui a le lien",
        params: z.object({
          jeton: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Ce lien de partage est incomplet."),
        }),
        response: {
          200: statistiquesPartageesSchema,
          400: corpsErreurSchema,
          404: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await statistiquesDuLien(ctx.dbLecture, requete.params.jeton, ctx.horloge()),
      ),
  );
}
