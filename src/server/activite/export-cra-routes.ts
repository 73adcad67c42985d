import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { CODES } from "../../domain/cra/vocabulaire.ts";
import { LIBELLES_ROLES } from "../../domain/roles.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import {
  envoyerTableurEnFlux,
  formatTableurSchema,
  reponseTableurSchema,
} from "../http/tableur.ts";
import { exportePar } from "../infra/export.ts";
import { COLONNES_EXPORT_CRA, conditionExportCra, lots } from "./export-cra.ts";

export function routesExportCra(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/exports-cra",
    {
      config: {
        acces: ["conseiller", "structure", "coordinateur", "admin"],
        rateLimit: { max: 10, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["Activité (CRA)"],
        summary:
          "Exporter les comptes rendus filtrés du périmètre, un par ligne, du plus ancien au plus récent (CSV ou XLSX, en flux)",
        querystring: z
          .object({
            format: formatTableurSchema,
            du: z.iso.date("Date de début invalide.").optional(),
            au: z.iso.date("Date de fin invalide.").optional(),
            type: z.enum(CODES.types, { error: "Type d'activité inconnu." }).optional(),
            thematique: z.enum(CODES.thematiques, { error: "Thématique inconnue." }).optional(),
          })
          .strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const q = requete.query;
      const condition = conditionExportCra(connexion, q);
      return envoyerTableurEnFlux(ctx.db, requete, reponse, q.format, {
        cible: "cra",
        fichier: `Comptes_rendus_${connexion.habilitation?.role}_${q.du ?? "debut"}_${q.au ?? jourParis(ctx.horloge())}`,
        feuille: "Comptes rendus",
        colonnes: COLONNES_EXPORT_CRA,
        lots: lots(ctx.dbLecture, condition),
        entete: [
          exportePar(connexion.utilisateur, ctx.horloge()),
          `Périmètre : ${connexion.habilitation ? LIBELLES_ROLES[connexion.habilitation.role] : ""}`,
          `Période : ${q.du ?? "début"} – ${q.au ?? "aujourd'hui"}`,
        ],
        details: {
          du: q.du ?? null,
          au: q.au ?? null,
          type: q.type ?? null,
          thematique: q.thematique ?? null,
        },
      });
    },
  );
}
