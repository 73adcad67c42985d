import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { okSchema } from "../../domain/champs.ts";
import { reussite } from "../../domain/erreurs.ts";
import { demandeCreeeSchema } from "../../domain/selection/api.ts";
import { demandeStructureSchema } from "../../domain/selection/avenant.ts";
import { connexionRequise, structureDeSession } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { annulerDemande, deposerDemandeStructure, retirerDemande } from "./avenant-service.ts";

const tag = ["Instruction des demandes"];

export function routesAvenants(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/structure/demandes",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Demander un avenant (ajout ou retrait de postes) ou un poste de coordinateur",
        body: demandeStructureSchema,
        response: {
          201: demandeCreeeSchema,
          400: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const res = await deposerDemandeStructure(ctx.db, {
        structureId: structureDeSession(connexionRequise(requete)),
        demande: requete.body,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      return repondre(reponse, res, 201);
    },
  );

  r.post(
    "/api/demandes/:id/retrait",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Retirer sa demande avant la décision",
        params: z.object({ id: z.uuid("Identifiant de demande invalide.") }),
        response: {
          200: okSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const res = await retirerDemande(ctx.db, {
        structureId: structureDeSession(connexionRequise(requete)),
        demandeId: requete.params.id,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      return repondre(reponse, res.ok ? reussite({ ok: true as const }) : res);
    },
  );

  r.post(
    "/api/demandes/:id/annulation",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Annuler une demande (erreur, doublon), avec son motif",
        params: z.object({ id: z.uuid("Identifiant de demande invalide.") }),
        body: z
          .object({
            motif: z
              .string({ error: "Indiquez le motif de l'annulation." })
              .trim()
              .min(3, "Indiquez le motif de l'annulation.")
              .max(500, "Le motif ne doit pas dépasser 500 caractères."),
          })
          .strict(),
        response: {
          200: okSchema,
          400: corpsErreurSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const res = await annulerDemande(ctx.db, {
        demandeId: requete.params.id,
        motif: requete.body.motif,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      return repondre(reponse, res.ok ? reussite({ ok: true as const }) : res);
    },
  );
}
