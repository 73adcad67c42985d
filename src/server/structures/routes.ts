import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeDepartementSchema } from "../../domain/territoire.ts";
import { connexionRequise } from "../access/acces.ts";
import type { Contexte } from "../contexte.ts";
import { rechercheSchema } from "../http/schemas.ts";
import { listerStructuresVisibles } from "./queries.ts";

/** Roles that read structures within their scope (roles-and-scopes §4, "Posts" and "Structure applications"). */
const LECTEURS = [
  "admin",
  "prefet",
  "structure",
  "conseiller",
  "coordinateur",
  "hub",
  "grand_reseau",
  "financeur",
] as const;

export function routesStructures(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/structures",
    {
      config: { acces: LECTEURS },
      schema: {
        tags: ["Structures"],
        summary: "Structures d'accueil du périmètre de l'habilitation active",
        querystring: z
          .object({
            recherche: rechercheSchema,
            departement: codeDepartementSchema.optional(),
            page: z.coerce
              .number({ error: "La page doit être un nombre." })
              .int()
              .min(1)
              .default(1),
          })
          .strict(),
        response: {
          200: z.object({
            total: z.number(),
            structures: z.array(
              z.object({
                id: z.string(),
                nom: z.string(),
                siret: z.string().nullable(),
                secteur: z.string(),
                typeJuridique: z.string(),
                commune: z.string(),
                communeCode: z.string(),
                departementCode: z.string(),
                regionCode: z.string(),
                reseau: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (requete) => {
      const { total, lignes } = await listerStructuresVisibles(ctx.db, connexionRequise(requete), {
        ...requete.query,
        parPage: 50,
      });
      return { total, structures: lignes };
    },
  );
}
