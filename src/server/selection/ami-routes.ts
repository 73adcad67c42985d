import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { amiSchema } from "../../domain/selection/ami.ts";
import { amisSchema, amiVueSchema } from "../../domain/selection/api.ts";
import { jourParis } from "../../domain/temps.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { amisOuverts, changerStatutAmi, creerAmi, tousLesAmis } from "./ami-service.ts";

const tag = ["Appels à manifestation d'intérêt"];
const idParams = z.object({ id: z.uuid("Identifiant d'appel invalide.") });
const LECTEURS = ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"] as const;

export function routesAmi(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/amis/ouverts",
    {
      config: { acces: "public" },
      schema: {
        tags: tag,
        summary: "Appels ouverts aux candidatures aujourd'hui",
        response: { 200: amisSchema },
      },
    },
    async () => amisOuverts(ctx.db, jourParis(ctx.horloge())),
  );

  r.get(
    "/api/amis",
    {
      config: { acces: LECTEURS },
      schema: { tags: tag, summary: "Tous les appels", response: { 200: amisSchema } },
    },
    async () => tousLesAmis(ctx.db),
  );

  r.post(
    "/api/amis",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Préparer un appel (brouillon)",
        body: amiSchema,
        response: { 201: amiVueSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const cree = await creerAmi(ctx.db, requete.body, acteurDeRequete(requete));
      return reponse.status(201).send(cree);
    },
  );

  for (const [suffixe, vers, resume] of [
    ["ouverture", "ouvert", "Ouvrir un appel aux candidatures"],
    ["cloture", "clos", "Clore un appel"],
  ] as const) {
    r.post(
      `/api/amis/:id/${suffixe}`,
      {
        config: { acces: ["admin"] },
        schema: {
          tags: tag,
          summary: resume,
          params: idParams,
          response: { 200: amiVueSchema, 404: corpsErreurSchema, 409: corpsErreurSchema },
        },
      },
      async (requete, reponse) =>
        repondre(
          reponse,
          await changerStatutAmi(ctx.db, {
            id: requete.params.id,
            vers,
            acteur: acteurDeRequete(requete),
          }),
        ),
    );
  }
}
