import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { filesDeTravailSchema } from "../../domain/espaces.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { filesDeTravail } from "./files-de-travail.ts";

export function routesEspaces(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/espace/files",
    {
      config: { acces: "connecte" },
      schema: {
        tags: ["Espaces"],
        summary: "Files de travail de l'habilitation active, comptées dans son périmètre",
        response: {
          200: filesDeTravailSchema,
        },
      },
    },
    async (requete) => ({
      files: await filesDeTravail({
        db: ctx.db,
        connexion: connexionRequise(requete),
        aujourdhui: jourParis(ctx.horloge()),
      }),
    }),
  );
}
