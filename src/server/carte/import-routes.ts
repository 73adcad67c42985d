import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { connexionRequise } from "../access/acces.ts";
import type { Contexte } from "../contexte.ts";
import { departement } from "../db/schema.ts";
import { ErreurMetier } from "../http/erreurs.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../journal/journal.ts";
import { TAILLE_MAX_TABLEUR, tableurDeRequete } from "../selection/fichier-tableur.ts";
import { importerLieux } from "./import-lieux.ts";

export function routesImportLieux(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/lieux/import",
    {
      config: { acces: ["admin", "hub"], rateLimit: { max: 30, timeWindow: "15 minutes" } },
      bodyLimit: TAILLE_MAX_TABLEUR,
      schema: {
        tags: ["Lieux d'activité"],
        summary:
          "Importer un fichier de lieux au standard national (CSV ou JSON) : rapport, puis application tout ou rien",
        description:
          "Le fichier est le corps de la requête : text/csv (valeurs multiples séparées par |) ou application/json (liste d'enregistrements). Les doublons (même commune, nom et adresse voisins, à une cinquantaine de mètres) sont fusionnés, jamais copiés.",
        querystring: z
          .object({
            appliquer: z
              .enum(["oui", "non"], { error: "« appliquer » vaut oui ou non." })
              .default("non"),
          })
          .strict(),
        response: {
          200: z.object({
            lignes: z.number(),
            valides: z.number(),
            creees: z.number(),
            doublonsDuFichier: z.number(),
            applique: z.boolean(),
            fusionnees: z.array(
              z.object({ ligne: z.number(), lieuId: z.string(), nom: z.string() }),
            ),
            rejetees: z.array(
              z.object({
                ligne: z.number(),
                erreurs: z.array(z.object({ champ: z.string(), message: z.string() })),
              }),
            ),
          }),
          400: corpsErreurSchema,
          415: corpsErreurSchema,
        },
      },
    },
    async (requete) => {
      const type = String(requete.headers["content-type"]).split(";")[0]!.trim();
      let lignes: unknown[];
      if (type === "application/json") {
        const corps = requete.body;
        if (!Array.isArray(corps))
          throw new ErreurMetier(400, [
            { champ: "fichier", message: "Le fichier JSON doit être une liste de lieux." },
          ]);
        lignes = corps;
      } else lignes = await tableurDeRequete(requete);
      const h = connexionRequise(requete).habilitation!;
      let departements: string[] | undefined;
      if (h.role === "hub") {
        const p = h.perimetre as { type: string; codes?: string[] };
        const tous = await ctx.db.select().from(departement);
        departements =
          p.type === "departements"
            ? (p.codes ?? [])
            : tous.filter((d) => p.codes?.includes(d.regionCode)).map((d) => d.code);
      }
      return importerLieux(ctx.db, {
        lignes,
        appliquer: requete.query.appliquer === "oui",
        acteur: { ...acteurDeRequete(requete), origine: "import" },
        ...(departements ? { departements } : {}),
      });
    },
  );
}
