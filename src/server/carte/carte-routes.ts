import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { introuvable } from "../../domain/erreurs.ts";
import {
  filtresCarteSchema,
  rechercheEmpriseSchema,
  rechercheProximiteSchema,
  rechercheTerritoireSchema,
} from "../../domain/lieux/carte.ts";
import {
  ficheLieuSchema,
  lieuxDuPointSchema,
  pointsCarteSchema,
  rechercheSchema,
  styleCarteSchema,
  territoiresCarteSchema,
} from "../../domain/lieux/carte-api.ts";
import type { Contexte } from "../contexte.ts";
import { refuser } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { envoyerEnCache } from "../infra/cache-reponses.ts";
import { communeDeLAdresse, rechercherCommunes } from "../referentiel/index.ts";
import {
  comptesParTerritoire,
  lieuPublic,
  lieuxDuTerritoire,
  lieuxProchesDuPoint,
  pointsDeLEmprise,
} from "./carte-queries.ts";

const tag = ["API publique : lieux et carte"];

/** The parsed query as a key: the same filters in another order are the same answer. */
function cleDeRequete(requete: object): string {
  return JSON.stringify(
    Object.entries(requete)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
/** Per IP: a person browsing the map sends a few requests a second at most. */
const LIMITE = { max: 600, timeWindow: "1 minute" };
const CACHE_COURT = "public, max-age=60";
/**
 * The two endpoints a map calls on every move skip the runtime check of their answer (it cost a
 * quarter of their time): their type is checked at build, their shape against the OpenAPI
 * document by the tests.
 */
const SANS_VERIFICATION = () => (donnees: unknown) => JSON.stringify(donnees);
const PLAFOND_POINTS = 5_000;
/**
 * Without a tile server the map still shows where one is: the outlines of régions and
 * départements shipped with the app (docs/donnees-geographiques.md), under places and clusters.
 */
const STYLE_SANS_TUILES = {
  version: 8 as const,
  name: "Contours des régions et départements",
  sources: {
    contours: { type: "geojson", data: "/carte/contours-france.geojson" },
  },
  layers: [
    { id: "fond", type: "background", paint: { "background-color": "#eef2f6" } },
    {
      id: "terre",
      type: "fill",
      source: "contours",
      filter: ["==", ["get", "nature"], "departement"],
      paint: { "fill-color": "#ffffff" },
    },
    {
      id: "departements",
      type: "line",
      source: "contours",
      filter: ["==", ["get", "nature"], "departement"],
      paint: { "line-color": "#b7b7c4", "line-width": 0.6 },
    },
    {
      id: "regions",
      type: "line",
      source: "contours",
      filter: ["==", ["get", "nature"], "region"],
      paint: { "line-color": "#6a6a86", "line-width": 1.4 },
    },
  ],
};

export function routesCarte(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/lieux",
    {
      config: { acces: "public", rateLimit: LIMITE },
      schema: {
        tags: tag,
        summary: "Les lieux les plus proches d'un point, dans un rayon de 5 à 100 km",
        description:
          "Triés du plus proche au plus lointain, avec la distance en km, l'état d'ouverture et les conseillers qui y travaillent (sauf ceux qui ont masqué leur nom). Filtres répétables : services, publics, priseEnCharge, programmes ; booléens (1) : gratuit, ouvertMaintenant, ouvertWeekEnd, priseRdv.",
        querystring: rechercheProximiteSchema,
        response: { 200: lieuxDuPointSchema, 400: corpsErreurSchema },
      },
      serializerCompiler: SANS_VERIFICATION,
    },
    async (requete, reponse) => {
      reponse.header("cache-control", CACHE_COURT);
      return lieuxProchesDuPoint(ctx.dbLecture, requete.query, ctx.horloge());
    },
  );

  r.get(
    "/api/v1/territoires/lieux",
    {
      config: { acces: "public", rateLimit: LIMITE },
      schema: {
        tags: tag,
        summary: "Les lieux d'un ou plusieurs départements ou régions, par nom, 50 par page",
        querystring: rechercheTerritoireSchema,
        response: {
          200: lieuxDuPointSchema.extend({ page: z.number().int() }),
          400: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      reponse.header("cache-control", CACHE_COURT);
      return lieuxDuTerritoire(ctx.dbLecture, requete.query, ctx.horloge());
    },
  );

  r.get(
    "/api/v1/lieux/:id",
    {
      config: { acces: "public", rateLimit: LIMITE },
      schema: {
        tags: tag,
        summary: "Un lieu : champs du standard, horaires, état d'ouverture, conseillers",
        params: z.object({ id: z.uuid("Identifiant de lieu invalide.") }),
        response: { 200: ficheLieuSchema, 400: corpsErreurSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const l = await lieuPublic(ctx.dbLecture, requete.params.id, ctx.horloge());
      if (!l)
        return refuser(reponse, introuvable("Ce lieu n'existe pas ou n'est plus public.", ""));
      reponse.header("cache-control", CACHE_COURT);
      return l;
    },
  );

  r.get(
    "/api/v1/carte/style",
    {
      config: { acces: "public" },
      schema: {
        tags: tag,
        summary:
          "Style MapLibre du fond de carte (CARTE_STYLE_URL ; sans serveur de tuiles : contours des régions et départements)",
        response: {
          200: styleCarteSchema,
          302: z.null().describe("Vers le style configuré (CARTE_STYLE_URL)"),
        },
      },
    },
    async (_requete, reponse) => {
      if (ctx.config.styleCarte) return reponse.redirect(ctx.config.styleCarte, 302);
      reponse.header("cache-control", "public, max-age=86400");
      return STYLE_SANS_TUILES;
    },
  );

  r.get(
    "/api/v1/carte/points",
    {
      config: { acces: "public", rateLimit: LIMITE },
      schema: {
        tags: tag,
        summary: "Les lieux d'une emprise de carte, en triplets [id, latitude, longitude]",
        description: `Au plus ${PLAFOND_POINTS} lieux ; « complet » dit si l'emprise en contient davantage (zoomer).`,
        querystring: rechercheEmpriseSchema,
        response: { 200: pointsCarteSchema, 400: corpsErreurSchema },
      },
      serializerCompiler: SANS_VERIFICATION,
    },
    async (requete, reponse) => {
      reponse.header("cache-control", CACHE_COURT);
      const { emprise, ...filtres } = requete.query;
      const entree = await ctx.cacheCarte.obtenir(`points ${cleDeRequete(requete.query)}`, () =>
        pointsDeLEmprise(ctx.dbLecture, emprise, filtres, PLAFOND_POINTS, ctx.horloge()),
      );
      return envoyerEnCache(requete, reponse, entree);
    },
  );

  r.get(
    "/api/v1/carte/territoires",
    {
      config: { acces: "public", rateLimit: LIMITE },
      schema: {
        tags: tag,
        summary: "Nombre de lieux par région et par département, avec leur point moyen",
        querystring: filtresCarteSchema,
        response: { 200: territoiresCarteSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      reponse.header("cache-control", "public, max-age=300");
      const entree = await ctx.cacheCarte.obtenir(
        `territoires ${cleDeRequete(requete.query)}`,
        () => comptesParTerritoire(ctx.dbLecture, requete.query),
      );
      return envoyerEnCache(requete, reponse, entree);
    },
  );

  r.get(
    "/api/v1/recherche",
    {
      config: { acces: "public", rateLimit: LIMITE },
      schema: {
        tags: tag,
        summary: "Trouver un point : adresse, commune ou code postal",
        description:
          "Par la Base adresse nationale quand elle est configurée ; sinon, ou si elle ne répond pas, par les communes du référentiel officiel (nom sans accents ni tirets, « St » pour « Saint », code postal), chacune à son point officiel ; une adresse donne alors le point de sa commune (approximatif).",
        querystring: z
          .object({
            q: z
              .string({ error: "Indiquez une adresse, une commune ou un code postal." })
              .trim()
              .min(2, "Indiquez au moins deux caractères.")
              .max(200, "La recherche ne doit pas dépasser 200 caractères."),
          })
          .strict(),
        response: { 200: rechercheSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const q = requete.query.q;
      reponse.header("cache-control", "public, max-age=3600");
      const ban = await ctx.geocodeur.rechercher(q);
      if (ban.length > 0) return { resultats: ban, source: "ban" as const };
      return { resultats: await communesLocalisees(q), source: "referentiel" as const };
    },
  );

  /**
   * Communes by name or postcode at their own point; an address typed without a geocoder gives
   * its commune's point, said to be approximate. A commune without a known point is returned
   * as such: the page says so and computes no distance.
   */
  async function communesLocalisees(q: string) {
    const trouvees = await rechercherCommunes(ctx.dbLecture, q, 5);
    const adresse = trouvees.length === 0 ? await communeDeLAdresse(ctx.dbLecture, q) : null;
    return [...trouvees, ...(adresse ? [adresse] : [])].map((c) => ({
      libelle: c.zonePostale
        ? `${c.nom} (${c.departementCode}), même zone postale que le code ${q.trim()} (Cedex ?)`
        : `${c.nom} (${c.departementCode})`,
      latitude: c.latitude,
      longitude: c.longitude,
      communeCode: c.code,
      precision: c.latitude === null ? ("inconnue" as const) : ("commune" as const),
      approximatif: c.approximatif || c.zonePostale || adresse !== null,
    }));
  }
}
