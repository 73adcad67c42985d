import { asc, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Contexte } from "../contexte.ts";
import { commune, departement, region } from "../db/schema.ts";
import { communesCorrespondant } from "./communes.ts";

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
      const q = requete.query.q;
      const lignes = await ctx.db
        .select({
          code: commune.code,
          nom: commune.nom,
          departementCode: commune.departementCode,
          codesPostaux: commune.codesPostaux,
        })
        .from(commune)
        .where(communesCorrespondant(q))
        .orderBy(sql`${commune.population} desc nulls last`, asc(commune.nom))
        .limit(20);
      reponse.header("cache-control", "public, max-age=3600");
      return lignes;
    },
  );
}
