import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageStructuresSchema } from "../../domain/selection/api.ts";
import { jourParis } from "../../domain/temps.ts";
import { codeDepartementSchema } from "../../domain/territoire.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { pageSchema, rechercheSchema } from "../http/schemas.ts";
import {
  envoyerTableur,
  formatTableurSchema,
  reponseTableurSchema,
  triSchema,
} from "../http/tableur.ts";
import type { Colonne } from "../infra/export.ts";
import { listerStructuresVisibles, selectionStructures, TRIS_STRUCTURES } from "./queries.ts";

/** Roles that read structures within their scope (docs/architecture.md, « Qui voit quoi »). */
const LECTEURS = [
  "admin",
  "prefet",
  "structure",
  "conseiller",
  "coordinateur",
  "hub",
  "grand_reseau",
  "financeur",
] as const;

/** The structures' search, département and order, the same on the screen and in its export. */
const filtresStructuresSchema = z.object({
  recherche: rechercheSchema,
  departement: codeDepartementSchema.optional(),
  tri: triSchema(TRIS_STRUCTURES),
});

const COLONNES_STRUCTURES: Colonne<Awaited<ReturnType<typeof selectionStructures>>[number]>[] = [
  { titre: "Structure", valeur: (l) => l.nom },
  { titre: "SIRET", valeur: (l) => l.siret },
  { titre: "Secteur", valeur: (l) => l.secteur },
  { titre: "Type juridique", valeur: (l) => l.typeJuridique },
  { titre: "Commune", valeur: (l) => l.commune },
  { titre: "Code INSEE", valeur: (l) => l.communeCode },
  { titre: "Département", valeur: (l) => l.departementCode },
  { titre: "Région", valeur: (l) => l.regionCode },
  { titre: "Réseau", valeur: (l) => l.reseau },
];

export function routesStructures(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/structures",
    {
      config: { acces: LECTEURS },
      schema: {
        tags: ["Structures"],
        summary: "Structures d'accueil du périmètre de l'habilitation active",
        querystring: filtresStructuresSchema.extend({ page: pageSchema }).strict(),
        response: {
          200: pageStructuresSchema,
        },
      },
    },
    async (requete) => {
      const { total, lignes } = await listerStructuresVisibles(ctx.db, connexionRequise(requete), {
        ...requete.query,
        parPage: 50,
      });
      return { total, structures: lignes };
    },
  );

  r.get(
    "/api/structures/export",
    {
      config: { acces: LECTEURS, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: ["Structures"],
        summary:
          "Exporter les structures filtrées du périmètre, dans l'ordre de l'écran (CSV ou XLSX), journalisé",
        querystring: filtresStructuresSchema.extend({ format: formatTableurSchema }).strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, ...filtres } = requete.query;
      const lignes = await selectionStructures(ctx.db, connexionRequise(requete), filtres);
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "structures",
        fichier: `Structures_${jourParis(ctx.horloge())}`,
        feuille: "Structures",
        colonnes: COLONNES_STRUCTURES,
        lignes,
        details: filtres,
      });
    },
  );
}
