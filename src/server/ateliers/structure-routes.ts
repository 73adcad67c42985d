import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  lieuxAtelierStructureSchema,
  pageAteliersStructureSchema,
} from "../../domain/ateliers/api.ts";
import { atelierStructureSchema } from "../../domain/ateliers/atelier.ts";
import { identifiantSchema } from "../../domain/champs.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise, structureDeSession } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema, pageSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import {
  ateliersDeLaStructure,
  lieuxDeLaStructure,
  TAILLE_PAGE_ATELIERS,
  versPublic,
} from "./ateliers-queries.ts";
import { publierAtelier } from "./ateliers-service.ts";

const tag = ["Ateliers"];

/** A structure announces workshops for its conseillers and lists them (docs/domaine/ateliers.md §1). */
export function routesAteliersStructure(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/structure/ateliers",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Les ateliers annoncés par les conseillers de ma structure",
        querystring: z.object({ page: pageSchema }).strict(),
        response: { 200: pageAteliersStructureSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const { total, lignes } = await ateliersDeLaStructure(
        ctx.db,
        structureDeSession(connexionRequise(requete)),
        requete.query.page,
      );
      return {
        total,
        page: requete.query.page,
        taillePage: TAILLE_PAGE_ATELIERS,
        ateliers: lignes.map((l) => ({
          ...versPublic(l),
          annuleLe: l.annuleLe,
          animePar: l.animePar,
        })),
      };
    },
  );

  r.get(
    "/api/structure/ateliers/lieux",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Les lieux de mes conseillers aujourd'hui, où annoncer un atelier",
        response: { 200: lieuxAtelierStructureSchema },
      },
    },
    async (requete) => ({
      lieux: (
        await lieuxDeLaStructure(
          ctx.db,
          structureDeSession(connexionRequise(requete)),
          jourParis(ctx.horloge()),
        )
      ).map((l) => ({
        lieuId: l.lieu_id,
        lieu: l.lieu,
        commune: l.commune,
        conseillerId: l.conseiller_id,
        conseiller: l.conseiller,
      })),
    }),
  );

  r.post(
    "/api/structure/ateliers",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Annoncer un atelier animé par un de mes conseillers, dans un de ses lieux",
        body: atelierStructureSchema,
        response: { 201: identifiantSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const { conseillerId, ...saisie } = requete.body;
      return repondre(
        reponse,
        await publierAtelier(ctx.db, {
          conseillerId,
          saisie,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
          pourStructure: structureDeSession(connexionRequise(requete)),
        }),
        201,
      );
    },
  );
}
