import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Contexte } from "../contexte.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../journal/journal.ts";
import { lireTableur } from "./fichier-tableur.ts";
import { importerDecisions } from "./import-decisions-service.ts";

const TYPES_FICHIERS: Record<string, "csv" | "xlsx"> = {
  "text/csv": "csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};
const TAILLE_MAX = 5 * 1024 * 1024;

export function routesImportDecisions(app: FastifyInstance, ctx: Contexte): void {
  // Files travel as the raw body, typed by their MIME type: no multipart parser needed.
  for (const type of Object.keys(TYPES_FICHIERS)) {
    app.addContentTypeParser(
      type,
      { parseAs: "buffer", bodyLimit: TAILLE_MAX },
      (_requete, corps, fini) => fini(null, corps),
    );
  }
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/comites/import",
    {
      config: { acces: ["admin"], rateLimit: { max: 30, timeWindow: "15 minutes" } },
      bodyLimit: TAILLE_MAX,
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
          200: z.object({
            lignes: z.number(),
            valides: z.number(),
            postes: z.number(),
            applique: z.boolean(),
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
    async (requete, reponse) => {
      const format = TYPES_FICHIERS[String(requete.headers["content-type"]).split(";")[0]!.trim()];
      if (!format || !Buffer.isBuffer(requete.body)) {
        return reponse
          .status(415)
          .send({ erreurs: [{ champ: "fichier", message: "Envoyez un fichier CSV ou XLSX." }] });
      }
      let brutes: Awaited<ReturnType<typeof lireTableur>>;
      try {
        brutes = await lireTableur(requete.body, format);
      } catch {
        return reponse.status(400).send({
          erreurs: [
            {
              champ: "fichier",
              message: "Ce fichier ne peut pas être lu : vérifiez son format.",
            },
          ],
        });
      }
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
