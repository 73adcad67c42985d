import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { rapportImportDecisionsSchema } from "../../domain/selection/api.ts";
import type { Contexte } from "../contexte.ts";
import { TAILLE_MAX_TABLEUR, tableurDeRequete } from "../http/fichier-tableur.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { importerDecisions } from "./import-decisions-service.ts";

export function routesImportDecisions(app: FastifyInstance, ctx: Contexte): void {
  // Files travel as the raw body, typed by their MIME type: no multipart parser needed.
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/comites/import",
    {
      config: { acces: ["admin"], rateLimit: { max: 30, timeWindow: "15 minutes" } },
      bodyLimit: TAILLE_MAX_TABLEUR,
      schema: {
        tags: ["Instruction des demandes"],
        summary:
          "Importer les décisions d'un comité (CSV ou XLSX) : rapport, puis application tout ou rien",
        description:
          "Colonnes : siret (ou structure_id), decision (acceptée, refusée, complément), postes, coselec. Le fichier est le corps de la requête (text/csv ou XLSX).",
        querystring: z
          .object({
            appliquer: z
              .enum(["oui", "non"], { error: "« appliquer » vaut oui ou non." })
              .default("non"),
          })
          .strict(),
        response: {
          200: rapportImportDecisionsSchema,
          400: corpsErreurSchema,
          415: corpsErreurSchema,
        },
      },
    },
    async (requete) => {
      const brutes = await tableurDeRequete(requete);
      const { rapport, courriels } = await importerDecisions(ctx.db, ctx.messagerie, {
        brutes,
        appliquer: requete.query.appliquer === "oui",
        acteur: { ...acteurDeRequete(requete), origine: "import" },
        maintenant: ctx.horloge(),
        urlPublique: ctx.config.urlPublique,
      });
      // Thousands of mails must not hold the answer: they leave in the background, tracked in `courriel`.
      ctx.messagerie
        .distribuer(courriels)
        .catch((erreur) =>
          requete.log.error({ err: erreur }, "Distribution des courriels d'import"),
        );
      return rapport;
    },
  );
}
