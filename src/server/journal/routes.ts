import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageJournalSchema } from "../../domain/historique.ts";
import { jourParis } from "../../domain/temps.ts";
import type { Contexte } from "../contexte.ts";
import {
  envoyerTableurEnFlux,
  formatTableurSchema,
  reponseTableurSchema,
  triSchema,
} from "../http/tableur.ts";
import { type Colonne, instantParis } from "../infra/export.ts";
import {
  type EntreeJournalLue,
  entreesJournal,
  lotsJournal,
  TRIS_JOURNAL,
} from "./journal-queries.ts";

/** The journal's filters and order, the same on the screen and in its export. */
const filtresJournalSchema = z.object({
  cibleType: z
    .string()
    .regex(/^[a-z_]{1,40}$/, "Type de cible invalide.")
    .optional(),
  cibleId: z.string().max(80, "L'identifiant de cible ne dépasse pas 80 caractères.").optional(),
  tri: triSchema(TRIS_JOURNAL),
});

const curseurSchema = z.coerce
  .number({ error: "Le curseur doit être un nombre." })
  .int("Le curseur doit être un nombre entier.")
  .positive("Le curseur doit être positif.")
  .optional();

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

const COLONNES_JOURNAL: Colonne<EntreeJournalLue>[] = [
  { titre: "N°", valeur: (e) => e.id },
  { titre: "Date", valeur: (e) => instantParis(e.le) },
  { titre: "Auteur", valeur: (e) => e.auteur },
  { titre: "Rôle", valeur: (e) => e.role },
  { titre: "Action", valeur: (e) => e.action },
  { titre: "Type de cible", valeur: (e) => e.cibleType },
  { titre: "Cible", valeur: (e) => e.cibleId },
  { titre: "Origine", valeur: (e) => e.origine },
  { titre: "Avant", valeur: (e) => json(e.avant) },
  { titre: "Après", valeur: (e) => json(e.apres) },
];

export function routesJournal(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/journal",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: ["Journal"],
        summary:
          "Journal des modifications, le plus récent d'abord (ou le plus ancien avec `tri=anciennes`) ; `avant` (ou `apres`) : les entrées qui suivent cet identifiant dans cet ordre (pagination par curseur)",
        querystring: filtresJournalSchema
          .extend({
            avant: curseurSchema,
            apres: curseurSchema,
            limite: z.coerce
              .number({ error: "La limite doit être un nombre." })
              .int()
              .min(1, "La limite est d'au moins une entrée.")
              .max(100, "La limite est d'au plus 100 entrées.")
              .default(100),
          })
          .strict()
          .refine((q) => !(q.tri === "anciennes" ? q.avant : q.apres), {
            path: ["tri"],
            message:
              "Le curseur suit l'ordre : « avant » pour les plus récentes d'abord, « apres » pour les plus anciennes d'abord.",
          }),
        response: {
          200: pageJournalSchema,
        },
      },
    },
    async (requete) => {
      const { avant, apres, ...q } = requete.query;
      return { entrees: await entreesJournal(ctx.db, { ...q, curseur: avant ?? apres }) };
    },
  );

  r.get(
    "/api/journal/export",
    {
      config: { acces: ["admin"], rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: {
        tags: ["Journal"],
        summary:
          "Exporter le journal filtré, dans l'ordre de l'écran (CSV ou XLSX, en flux), journalisé",
        querystring: filtresJournalSchema.extend({ format: formatTableurSchema }).strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, ...filtres } = requete.query;
      return envoyerTableurEnFlux(ctx.db, requete, reponse, format, {
        cible: "journal",
        fichier: `Journal_${jourParis(ctx.horloge())}`,
        feuille: "Journal",
        colonnes: COLONNES_JOURNAL,
        lots: lotsJournal(ctx.db, filtres),
        details: filtres,
      });
    },
  );
}
