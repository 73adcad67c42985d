import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Contexte } from "../contexte.ts";
import { departement, region } from "../db/schema.ts";
import { rechercherCommunes } from "./communes.ts";

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

  r.get(
    "/api/communes",
    {
      config: { acces: "public" },
      schema: {
        tags: ["Référentiel"],
        summary: "Rechercher une commune par son nom ou son code postal",
        querystring: z
          .object({
            q: z
              .string({ error: "Indiquez un nom de commune ou un code postal." })
              .trim()
              .min(2, "Indiquez au moins deux caractères.")
              .max(80, "La recherche ne doit pas dépasser 80 caractères."),
          })
          .strict(),
        response: {
          200: z.array(
            z.object({
              code: z.string(),
              nom: z.string(),
              departementCode: z.string(),
              codesPostaux: z.array(z.string()),
            }),
          ),
        },
      },
    },
    async (requete, reponse) => {
      const trouvees = await rechercherCommunes(ctx.db, requete.query.q, 20);
      reponse.header("cache-control", "public, max-age=3600");
      return trouvees.map((c) => ({
        code: c.code,
        nom: c.nom,
        departementCode: c.departementCode,
        codesPostaux: c.codesPostaux,
      }));
    },
  );
}
