import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { okSchema } from "../../domain/champs.ts";
import {
  affichageCarteSchema,
  lieuAjouteSchema,
  lieuxProchesSchema,
  mesLieuxSchema,
} from "../../domain/lieux/api.ts";
import { lieuSchema, NATURES_LIEU, type NatureLieu } from "../../domain/lieux/lieu.ts";
import { codeCommuneSchema } from "../../domain/territoire.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { localiserOuCommune } from "../referentiel/index.ts";
import { affichageCarte, mesLieux } from "./lieux-queries.ts";
import { ajouterLieu, changerAffichageCarte, lieuxProches, quitterLieu } from "./lieux-service.ts";

const tag = ["Lieux d'activité"];
const natureSchema = z.enum(Object.keys(NATURES_LIEU) as [NatureLieu, ...NatureLieu[]], {
  error: "Choisissez lieu principal, secondaire ou itinérant.",
});

export function routesLieux(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/conseiller/lieux",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Mes lieux d'activité en cours",
        response: { 200: mesLieuxSchema },
      },
    },
    async (requete) => mesLieux(ctx.db, connexionRequise(requete).utilisateur.id),
  );

  r.get(
    "/api/lieux/proches",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Lieux déjà connus qui ressemblent à celui qu'on s'apprête à créer",
        querystring: z
          .object({
            communeCode: codeCommuneSchema,
            nom: z.string().trim().min(1).max(200),
            adresse: z.string().trim().max(200).default(""),
            siret: z.string().trim().max(14).default(""),
          })
          .strict(),
        response: { 200: lieuxProchesSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const q = requete.query;
      const point = q.adresse ? await ctx.geocodeur.localiser(q.adresse, q.communeCode) : null;
      const proches = await lieuxProches(ctx.db, q, point);
      return proches.slice(0, 5).map((p) => ({
        id: p.lieu.id,
        nom: p.lieu.nom,
        adresse: p.lieu.adresse,
        codePostal: p.lieu.codePostal,
        score: p.score,
      }));
    },
  );

  r.post(
    "/api/conseiller/lieux",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Ajouter un lieu d'activité (existant ou nouveau, jamais en double)",
        body: z.union([
          z.object({ nature: natureSchema, lieuId: z.uuid("Lieu invalide.") }).strict(),
          z.object({ nature: natureSchema, lieu: lieuSchema }).strict(),
        ]),
        response: {
          201: lieuAjouteSchema,
          400: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const corps = requete.body;
      // Located before the transaction: a slow address service must not hold locks.
      const point =
        "lieu" in corps
          ? await localiserOuCommune(
              ctx.db,
              ctx.geocodeur,
              corps.lieu.adresse,
              corps.lieu.communeCode,
            )
          : null;
      const res = await ajouterLieu(ctx.db, {
        conseillerId: connexionRequise(requete).utilisateur.id,
        nature: corps.nature,
        ...("lieu" in corps ? { lieu: corps.lieu } : { lieuId: corps.lieuId }),
        point,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      if (res.ok) ctx.lieuxModifies?.();
      return repondre(reponse, res, 201);
    },
  );

  r.post(
    "/api/conseiller/lieux/:id/fin",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Ne plus travailler dans un lieu",
        params: z.object({ id: z.uuid("Lieu invalide.") }),
        response: {
          200: okSchema,
          400: corpsErreurSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const res = await quitterLieu(ctx.db, {
        conseillerId: connexionRequise(requete).utilisateur.id,
        lieuId: requete.params.id,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      if (res.ok) ctx.lieuxModifies?.();
      return repondre(reponse, res);
    },
  );
}

export function routesCarteConseiller(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/conseiller/carte",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Mon affichage sur la carte publique",
        response: { 200: affichageCarteSchema },
      },
    },
    async (requete) => affichageCarte(ctx.db, connexionRequise(requete).utilisateur.id),
  );
  r.put(
    "/api/conseiller/carte",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Afficher mon nom sur la carte publique, ou « Anonyme »",
        body: affichageCarteSchema.strict(),
        response: { 200: affichageCarteSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) =>
      changerAffichageCarte(ctx.db, {
        conseillerId: connexionRequise(requete).utilisateur.id,
        nomMasqueCarte: requete.body.nomMasqueCarte,
        acteur: acteurDeRequete(requete),
      }),
  );
}
