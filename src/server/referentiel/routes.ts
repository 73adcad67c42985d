import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { introuvable } from "../../domain/erreurs.ts";
import {
  adressesSuggereesSchema,
  codeCommuneSchema,
  communesVuesSchema,
  communeVueSchema,
  territoiresSchema,
} from "../../domain/territoire.ts";
import type { Contexte } from "../contexte.ts";
import { refuser } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { rechercherCommunes } from "./communes.ts";
import { communeParCode, communesConnues, departements, regions } from "./territoires-queries.ts";

export function routesReferentiel(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/territoires",
    {
      config: { acces: "public" },
      schema: {
        tags: ["Référentiel"],
        summary: "Régions et départements (codes officiels, outre-mer compris)",
        response: { 200: territoiresSchema },
      },
    },
    async (_requete, reponse) => {
      const [lesRegions, lesDepartements] = await Promise.all([
        regions(ctx.db),
        departements(ctx.db),
      ]);
      reponse.header("cache-control", "public, max-age=86400");
      return { regions: lesRegions, departements: lesDepartements };
    },
  );

  r.get(
    "/api/communes/:code",
    {
      config: { acces: "public" },
      schema: {
        tags: ["Référentiel"],
        summary: "Une commune par son code INSEE",
        params: z.object({ code: codeCommuneSchema }).strict(),
        response: { 200: communeVueSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const c = await communeParCode(ctx.db, requete.params.code);
      if (!c) return refuser(reponse, introuvable("Cette commune n'existe pas.", ""));
      reponse.header("cache-control", "public, max-age=86400");
      return c;
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
        response: { 200: communesVuesSchema },
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

  r.get(
    "/api/adresses",
    {
      // Forms of people without an account (a structure's application) ask too: per IP, as a
      // person types, a few a second at most; the national base has its own limits.
      config: { acces: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags: ["Référentiel"],
        summary:
          "Adresses de la Base Adresse Nationale qui commencent par la saisie (vide sans géocodeur)",
        querystring: z
          .object({
            q: z
              .string({ error: "Indiquez le début d'une adresse." })
              .trim()
              .min(3, "Indiquez au moins trois caractères.")
              .max(200, "L'adresse ne doit pas dépasser 200 caractères."),
            communeCode: codeCommuneSchema.optional(),
          })
          .strict(),
        response: {
          200: adressesSuggereesSchema,
        },
      },
    },
    async (requete, reponse) => {
      const { q, communeCode } = requete.query;
      const adresses = await ctx.geocodeur.suggererAdresses(q, communeCode);
      // Only communes of our reference can be chosen: a BAN code we do not know is dropped.
      const connues = await communesConnues(
        ctx.db,
        adresses.map((a) => a.communeCode),
      );
      reponse.header("cache-control", "public, max-age=3600");
      return adresses.filter((a) => connues.has(a.communeCode));
    },
  );
}
