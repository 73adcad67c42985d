import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { catalogueSchema, postesParTerritoireSchema } from "../../domain/opendata/api.ts";
import { codeDepartementSchema, codeRegionSchema } from "../../domain/territoire.ts";
import type { Contexte } from "../contexte.ts";
import { corpsErreur } from "../http/erreurs.ts";
import { corpsErreurSchema, reponseFichier } from "../http/schemas.ts";
import { fichierGenere, fichiersGeneres } from "./fichiers-queries.ts";
import { FORMATS_OUVERTS } from "./generation.ts";
import { JEUX, postesParTerritoire } from "./jeux.ts";

const tag = ["Données ouvertes"];
const TYPES = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };
const NOMS = JEUX.map((j) => j.nom) as [string, ...string[]];

export function routesDonneesOuvertes(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/donnees",
    {
      config: { acces: "public" },
      schema: {
        tags: tag,
        summary: "Catalogue des données ouvertes : fichiers, date de génération, dictionnaire",
        response: { 200: catalogueSchema },
      },
    },
    async (_requete, reponse) => {
      const fichiers = await fichiersGeneres(ctx.dbLecture);
      reponse.header("cache-control", "public, max-age=300");
      return JEUX.map((j) => ({
        nom: j.nom,
        titre: j.titre,
        description: j.description,
        dictionnaire: j.colonnes,
        fichiers: fichiers
          .filter((f) => f.nom === j.nom)
          .map((f) => ({
            format: f.format,
            url: `/donnees/${f.nom}.${f.format}`,
            lignes: f.lignes,
            genereLe: f.genereLe.toISOString(),
          })),
      }));
    },
  );

  r.get(
    "/api/v1/postes",
    {
      config: { acces: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags: ["API publique : structures et postes"],
        summary: "Postes attribués, pourvus et conseillers en poste, par département et secteur",
        querystring: z
          .object({
            departement: codeDepartementSchema.optional(),
            region: codeRegionSchema.optional(),
          })
          .strict(),
        response: {
          200: postesParTerritoireSchema,
          400: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const q = requete.query;
      const lignes = (await postesParTerritoire(ctx.dbLecture)).filter(
        (l) =>
          (!q.departement || l.departement_code === q.departement) &&
          (!q.region || l.region_code === q.region),
      );
      const somme = (cle: "postes_attribues" | "postes_pourvus" | "conseillers_en_poste") =>
        lignes.reduce((t, l) => t + l[cle], 0);
      reponse.header("cache-control", "public, max-age=300");
      return {
        territoires: lignes,
        totaux: {
          postes_attribues: somme("postes_attribues"),
          postes_pourvus: somme("postes_pourvus"),
          conseillers_en_poste: somme("conseillers_en_poste"),
        },
      };
    },
  );

  r.get(
    "/donnees/:fichier",
    {
      config: { acces: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary: "Un fichier de données ouvertes (CSV ou JSON), avec son ETag",
        params: z.object({
          fichier: z
            .string()
            .regex(
              new RegExp(`^(${NOMS.join("|")})\\.(${FORMATS_OUVERTS.join("|")})$`),
              `Fichier inconnu : les fichiers sont ${NOMS.join(", ")}, en .csv ou .json.`,
            ),
        }),
        response: {
          200: reponseFichier("Le fichier en CSV ou en JSON, en pièce jointe", [
            "text/csv",
            "application/json",
          ]),
          304: z.null().describe("Inchangé depuis l'ETag donné (If-None-Match)"),
          503: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const [nom, format] = requete.params.fichier.split(".") as [string, "csv" | "json"];
      const f = await fichierGenere(ctx.dbLecture, nom, format);
      if (!f)
        return reponse
          .status(503)
          .header("retry-after", "60")
          .send(corpsErreur("Ce fichier est en cours de génération. Réessayez dans une minute."));
      reponse
        .header("etag", f.etag)
        .header("last-modified", f.genereLe.toUTCString())
        .header("cache-control", "public, max-age=3600")
        .header(
          "content-disposition",
          `attachment; filename="${nom}_${f.genereLe.toISOString().slice(0, 10)}.${format}"`,
        );
      if (requete.headers["if-none-match"] === f.etag) return reponse.status(304).send(null);
      return reponse.type(TYPES[format]).send(f.contenu);
    },
  );
}
