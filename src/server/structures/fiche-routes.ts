import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { LECTEURS_FICHE_STRUCTURE } from "../../domain/roles.ts";
import { ficheStructureSchema } from "../../domain/selection/api.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { ficheStructure } from "./fiche-queries.ts";

export function routesFicheStructure(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/structures/:id",
    {
      config: { acces: LECTEURS_FICHE_STRUCTURE },
      schema: {
        tags: ["Structures"],
        summary:
          "Fiche d'une structure : identité, demandes, postes et historique daté et attribué",
        params: z.object({ id: z.uuid("Identifiant de structure invalide.") }),
        response: { 200: ficheStructureSchema },
      },
    },
    async (requete, reponse) =>
      repondre(reponse, await ficheStructure(ctx.db, connexionRequise(requete), requete.params.id)),
  );
}
