import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Contexte } from "../contexte.ts";
import { departement, region } from "../db/schema.ts";

export function routesReferentiel(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/territoires",
    {
      config: { acces: "public" },
      schema: {
        tags: ["Référentiel"],
        summary: "Régions et départements (codes officiels, outre-mer compris)",
        response: {
          200: z.object({
            regions: z.array(z.object({ code: z.string(), nom: z.string() })),
            departements: z.array(
              z.object({ code: z.string(), nom: z.string(), regionCode: z.string() }),
            ),
          }),
        },
      },
    },
    async (_requete, reponse) => {
      const [regions, departements] = await Promise.all([
        ctx.db.select({ code: region.code, nom: region.nom }).from(region).orderBy(region.code),
        ctx.db
          .select({
            code: departement.code,
            nom: departement.nom,
            regionCode: departement.regionCode,
          })
          .from(departement)
          .orderBy(departement.code),
      ]);
      reponse.header("cache-control", "public, max-age=86400");
      return { regions, departements };
    },
  );
}
