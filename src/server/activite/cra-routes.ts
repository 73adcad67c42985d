import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { craEnregistreSchema, craIdSchema, pageMesCraSchema } from "../../domain/cra/api.ts";
import { corpsCraSchema } from "../../domain/cra/cra.ts";
import { CODES } from "../../domain/cra/vocabulaire.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { refuser, repondre } from "../http/reponse.ts";
import { corpsErreurSchema, pageSchema } from "../http/schemas.ts";
import { triSchema } from "../http/tableur.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { compterMesCra, pageMesCra, TAILLE_PAGE_MES_CRA, TRIS_MES_CRA } from "./cra-queries.ts";
import { creerCra, lireMonCra, modifierCra, supprimerCra } from "./cra-service.ts";

const tag = ["Activité (CRA)"];
const idSchema = z.object({ id: z.uuid("Identifiant de compte rendu invalide.") });

export function routesCra(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/cra",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Mes comptes rendus, par page, les plus récents d'abord sauf autre ordre demandé",
        querystring: z
          .object({
            du: z.iso.date("Date de début invalide.").optional(),
            au: z.iso.date("Date de fin invalide.").optional(),
            type: z.enum(CODES.types, { error: "Type d'activité inconnu." }).optional(),
            thematique: z.enum(CODES.thematiques, { error: "Thématique inconnue." }).optional(),
            tri: triSchema(TRIS_MES_CRA),
            page: pageSchema,
          })
          .strict(),
        response: { 200: pageMesCraSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const q = requete.query;
      const conseillerId = connexionRequise(requete).utilisateur.id;
      const [total, lignes] = await Promise.all([
        compterMesCra(ctx.db, conseillerId, q),
        pageMesCra(ctx.db, conseillerId, q),
      ]);
      return { total, cras: lignes, page: q.page, taillePage: TAILLE_PAGE_MES_CRA };
    },
  );

  r.get(
    "/api/cra/:id",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Un de mes comptes rendus",
        params: idSchema,
        response: { 200: craEnregistreSchema, 403: corpsErreurSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await lireMonCra(
          ctx.db,
          requete.params.id,
          connexionRequise(requete).utilisateur.id,
          ctx.horloge(),
        ),
      ),
  );

  r.post(
    "/api/cra",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Enregistrer un compte rendu d'activité",
        body: corpsCraSchema,
        response: {
          200: craIdSchema.describe("Le même compte rendu, déjà reçu sous cet identifiant"),
          201: craIdSchema,
          400: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const r = await creerCra(ctx.db, {
        conseillerId: connexionRequise(requete).utilisateur.id,
        cra: requete.body,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      if (!r.ok) return refuser(reponse, r);
      return reponse.status(r.valeur.deja ? 200 : 201).send({ id: r.valeur.id });
    },
  );

  r.put(
    "/api/cra/:id",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Modifier un de mes comptes rendus",
        params: idSchema,
        body: corpsCraSchema,
        response: {
          200: craIdSchema,
          400: corpsErreurSchema,
          403: corpsErreurSchema,
          404: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await modifierCra(ctx.db, {
          id: requete.params.id,
          conseillerId: connexionRequise(requete).utilisateur.id,
          cra: requete.body,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
      ),
  );

  r.delete(
    "/api/cra/:id",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Supprimer un de mes comptes rendus",
        params: idSchema,
        response: { 200: craIdSchema, 403: corpsErreurSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await supprimerCra(ctx.db, {
          id: requete.params.id,
          conseillerId: connexionRequise(requete).utilisateur.id,
          acteur: acteurDeRequete(requete),
        }),
      ),
  );
}
