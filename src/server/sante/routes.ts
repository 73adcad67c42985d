import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { santeSchema } from "../../domain/sante.ts";
import type { Contexte } from "../contexte.ts";
import { versionApplication } from "../version.ts";
import { sonderBase } from "./mesures.ts";

export function routesSante(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/sante",
    {
      config: { acces: "public" },
      schema: {
        tags: ["Supervision"],
        summary: "État du service et de sa base",
        response: {
          200: santeSchema,
        },
      },
    },
    async () => {
      await sonderBase(ctx.db);
      return { statut: "ok" as const, base: ctx.typeBase, version: versionApplication() };
    },
  );
}
