import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { interdit } from "../../domain/erreurs.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { refuser } from "../http/reponse.ts";
import { envoyerTableur, formatTableurSchema, reponseTableurSchema } from "../http/tableur.ts";
import { filtresDemandesSchema } from "../selection/index.ts";
import { LISTES, listeExportee, peutExporter } from "./listes-exportees.ts";

const LECTEURS = ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"] as const;

export function routesExports(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/exports/:liste",
    {
      config: { acces: LECTEURS, rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: {
        tags: ["Exports"],
        summary: "Exporter une liste du périmètre en CSV (séparateur ;, UTF-8 avec BOM) ou XLSX",
        params: z.object({ liste: z.enum(LISTES, { error: "Liste inconnue." }) }),
        // The requests' filters apply to their export (the screen's whole filtered set).
        querystring: filtresDemandesSchema.extend({
          format: formatTableurSchema,
        }),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      if (!peutExporter(connexion, requete.params.liste)) {
        return refuser(
          reponse,
          interdit("Votre habilitation ne vous permet pas d'exporter cette liste.", ""),
        );
      }
      const { format, ...filtres } = requete.query;
      const table = await listeExportee(
        ctx.db,
        connexion,
        requete.params.liste,
        filtres,
        jourParis(ctx.horloge()),
      );
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: requete.params.liste,
        fichier: `${requete.params.liste}-${jourParis(ctx.horloge())}`,
        ...table,
      });
    },
  );
}
