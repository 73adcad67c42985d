import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  annulationFaiteSchema,
  atelierPublicSchema,
  inscriptionFaiteSchema,
  monAtelierSchema,
  pageAteliersPublicsSchema,
  pageMesAteliersSchema,
  presencesFaitesSchema,
} from "../../domain/ateliers/api.ts";
import {
  atelierSchema,
  inscriptionSchema,
  presencesSchema,
} from "../../domain/ateliers/atelier.ts";
import { identifiantSchema } from "../../domain/champs.ts";
import { THEMATIQUES, type Thematique } from "../../domain/cra/vocabulaire.ts";
import { introuvable } from "../../domain/erreurs.ts";
import { rechercheProximiteSchema } from "../../domain/lieux/carte.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { refuser, repondre } from "../http/reponse.ts";
import { corpsErreurSchema, pageSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import {
  atelierPublic,
  ateliersAVenir,
  mesAteliers,
  TAILLE_PAGE_ATELIERS,
  versPublic,
} from "./ateliers-queries.ts";
import {
  ATELIER_INTROUVABLE,
  annulerInscription,
  inscrire,
  lireMonAtelier,
  publierAtelier,
} from "./ateliers-service.ts";
import { enregistrerPresences } from "./presences.ts";

const idParams = z.object({ id: z.uuid("Identifiant d'atelier invalide.") });
const tagConseiller = ["Ateliers"];
const tagPublic = ["API publique : ateliers"];

/** The conseiller's workshops: announce them, list them, read who registered. */
export function routesAteliers(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/ateliers",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tagConseiller,
        summary: "Annoncer un atelier ouvert aux inscriptions",
        body: atelierSchema,
        response: { 201: identifiantSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await publierAtelier(ctx.db, {
          conseillerId: connexionRequise(requete).utilisateur.id,
          saisie: requete.body,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
        201,
      ),
  );

  r.get(
    "/api/ateliers",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tagConseiller,
        summary: "Mes ateliers, les plus récents d'abord",
        querystring: z.object({ page: pageSchema }).strict(),
        response: { 200: pageMesAteliersSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const { total, lignes } = await mesAteliers(
        ctx.db,
        connexionRequise(requete).utilisateur.id,
        requete.query.page,
      );
      return {
        total,
        page: requete.query.page,
        taillePage: TAILLE_PAGE_ATELIERS,
        ateliers: lignes.map((l) => ({ ...versPublic(l), annuleLe: l.annuleLe })),
      };
    },
  );

  r.get(
    "/api/ateliers/:id",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tagConseiller,
        summary: "Un de mes ateliers et ses inscriptions",
        params: idParams,
        response: { 200: monAtelierSchema, 403: corpsErreurSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const lu = await lireMonAtelier(
        ctx.db,
        requete.params.id,
        connexionRequise(requete).utilisateur.id,
      );
      if (!lu.ok) return refuser(reponse, lu);
      const a = lu.valeur;
      return {
        ...versPublic(a),
        annuleLe: a.annuleLe,
        craId: a.craId,
        commence: a.debut <= ctx.horloge(),
        inscriptions: a.inscriptions,
      };
    },
  );

  r.post(
    "/api/ateliers/:id/presences",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tagConseiller,
        summary: "Noter les présents et enregistrer le compte rendu collectif de l'atelier",
        params: idParams,
        body: presencesSchema,
        response: {
          201: presencesFaitesSchema,
          400: corpsErreurSchema,
          403: corpsErreurSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await enregistrerPresences(ctx.db, {
          atelierId: requete.params.id,
          conseillerId: connexionRequise(requete).utilisateur.id,
          presences: requete.body,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
        201,
      ),
  );
}

/** The public side: the workshops to come, registering and cancelling without an account. */
export function routesAteliersPublics(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/ateliers",
    {
      config: { acces: "public" },
      schema: {
        tags: tagPublic,
        summary: "Les prochains ateliers ouverts aux inscriptions, les plus proches d'abord",
        querystring: z
          .object({
            thematique: z
              .enum(Object.keys(THEMATIQUES) as [Thematique, ...Thematique[]], {
                error: "Thématique inconnue.",
              })
              .optional(),
            lieu: z.uuid("Identifiant de lieu invalide.").optional(),
            du: z.iso.date("La date de début est invalide (AAAA-MM-JJ).").optional(),
            au: z.iso.date("La date de fin est invalide (AAAA-MM-JJ).").optional(),
            lat: rechercheProximiteSchema.shape.lat.optional(),
            lon: rechercheProximiteSchema.shape.lon.optional(),
            rayon: rechercheProximiteSchema.shape.rayon,
            page: pageSchema,
          })
          .strict()
          .refine((q) => (q.lat === undefined) === (q.lon === undefined), {
            path: ["lat"],
            message: "Indiquez la latitude et la longitude ensemble.",
          }),
        response: { 200: pageAteliersPublicsSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const q = requete.query;
      const { total, lignes } = await ateliersAVenir(ctx.db, ctx.horloge(), {
        ...(q.thematique ? { thematique: q.thematique } : {}),
        ...(q.lieu ? { lieuId: q.lieu } : {}),
        ...(q.du ? { du: q.du } : {}),
        ...(q.au ? { au: q.au } : {}),
        ...(q.lat !== undefined && q.lon !== undefined
          ? { autour: { lat: q.lat, lon: q.lon, rayon: q.rayon } }
          : {}),
        page: q.page,
      });
      return {
        total,
        page: q.page,
        taillePage: TAILLE_PAGE_ATELIERS,
        ateliers: lignes.map(versPublic),
      };
    },
  );

  r.get(
    "/api/v1/ateliers/:id",
    {
      config: { acces: "public" },
      schema: {
        tags: tagPublic,
        summary: "Un atelier ouvert aux inscriptions",
        params: idParams,
        response: { 200: atelierPublicSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const a = await atelierPublic(ctx.db, requete.params.id, ctx.horloge());
      if (!a) return refuser(reponse, introuvable(ATELIER_INTROUVABLE, ""));
      return versPublic(a);
    },
  );

  r.post(
    "/api/v1/ateliers/:id/inscriptions",
    {
      config: { acces: "public", rateLimit: { max: 5, timeWindow: "1 hour" } },
      schema: {
        tags: tagPublic,
        summary: "S'inscrire à un atelier, sans compte",
        params: idParams,
        body: inscriptionSchema,
        response: {
          201: inscriptionFaiteSchema,
          400: corpsErreurSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const r = await inscrire(ctx.db, ctx.messagerie, {
        atelierId: requete.params.id,
        inscription: requete.body,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
        urlPublique: ctx.config.urlPublique,
      });
      if (!r.ok) return refuser(reponse, r);
      ctx.messagerie.distribuerEnArrierePlan(r.valeur.mails);
      return reponse.status(201).send({ statut: r.valeur.statut, jeton: r.valeur.jeton });
    },
  );

  r.post(
    "/api/v1/ateliers/annulation",
    {
      config: { acces: "public", rateLimit: { max: 10, timeWindow: "1 hour" } },
      schema: {
        tags: tagPublic,
        summary: "Annuler une inscription par le lien reçu",
        body: z
          .object({
            jeton: z.string().min(20, "Ce lien d'annulation n'est plus valable.").max(100),
          })
          .strict(),
        response: {
          200: annulationFaiteSchema,
          400: corpsErreurSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const r = await annulerInscription(ctx.db, ctx.messagerie, {
        jeton: requete.body.jeton,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      if (!r.ok) return refuser(reponse, r);
      ctx.messagerie.distribuerEnArrierePlan(r.valeur.mails);
      return { ok: true as const };
    },
  );
}
