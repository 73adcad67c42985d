import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { echec } from "../../domain/erreurs.ts";
import { rapportImportLieuxSchema } from "../../domain/lieux/api.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { ErreurMetier } from "../http/erreurs.ts";
import { TAILLE_MAX_TABLEUR, tableurDeRequete } from "../http/fichier-tableur.ts";
import { corpsErreurSchema, reponseFichier } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { genererDonneesOuvertes } from "../opendata/index.ts";
import { departementsDesRegions } from "../referentiel/index.ts";
import { importerLieux, rapportDesRejets } from "./import-lieux.ts";

export function routesImportLieux(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/lieux/import",
    {
      config: { acces: ["admin", "hub"], rateLimit: { max: 30, timeWindow: "15 minutes" } },
      bodyLimit: TAILLE_MAX_TABLEUR,
      schema: {
        tags: ["Lieux d'activité"],
        summary:
          "Importer un fichier de lieux au standard national (CSV ou JSON) : rapport, puis application tout ou rien ou des seules lignes valides",
        description:
          "Le fichier est le corps de la requête : text/csv (valeurs multiples séparées par |) ou application/json (liste d'enregistrements). Sans code INSEE, la commune est lue dans son nom et son code postal (sans accents ni tirets, « St » pour « Saint », Cedex). Un lieu déjà importé avec le même `id` de la même `source` est mis à jour ; sinon les doublons (même commune, même nom, adresse voisine, à une cinquantaine de mètres ; ou même SIRET réel et même adresse) sont fusionnés, jamais copiés. Le pivot « 00000000000000 » n'identifie personne.",
        querystring: z
          .object({
            appliquer: z
              .enum(["oui", "non"], { error: "« appliquer » vaut oui ou non." })
              .default("non"),
            mode: z
              .enum(["tout-ou-rien", "lignes-valides"], {
                error: "« mode » vaut tout-ou-rien ou lignes-valides.",
              })
              .default("tout-ou-rien"),
          })
          .strict(),
        response: {
          200: rapportImportLieuxSchema,
          400: corpsErreurSchema,
          415: corpsErreurSchema,
        },
      },
    },
    async (requete) => {
      const { lignes, type, departements } = await lireFichier(requete);
      const rapport = await importerLieux(ctx.db, {
        lignes,
        appliquer: requete.query.appliquer === "oui",
        mode: requete.query.mode,
        // A spreadsheet's header is its line 1; a JSON list has none.
        premiereLigne: type === "application/json" ? 1 : 2,
        acteur: { ...acteurDeRequete(requete), origine: "import" },
        ...(departements ? { departements } : {}),
        // Beside a worker, the regeneration is asked in the import's own transaction.
        ...(ctx.travaux.surPlace ? {} : { travaux: ctx.travaux }),
      });
      // Citizens and reusers see the new places now, not at the next hourly run: alone, this
      // process regenerates before answering.
      if (rapport.applique) {
        ctx.cacheCarte.vider();
        if (ctx.travaux.surPlace) await genererDonneesOuvertes(ctx.db, ctx.horloge());
      }
      return rapport;
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/lieux/import/rejets",
    {
      config: { acces: ["admin", "hub"], rateLimit: { max: 30, timeWindow: "15 minutes" } },
      bodyLimit: TAILLE_MAX_TABLEUR,
      schema: {
        tags: ["Lieux d'activité"],
        summary:
          "Le rapport des lignes rejetées d'un fichier de lieux, en CSV (rien n'est importé)",
        description:
          "Une ligne par erreur : numéro de ligne du tableur (en-tête en ligne 1), champ, message, puis la ligne d'origine.",
        response: {
          200: reponseFichier("Les lignes rejetées en CSV, en pièce jointe", ["text/csv"]),
        },
      },
    },
    async (requete, reponse) => {
      const { lignes, type, departements } = await lireFichier(requete);
      const rapport = await importerLieux(ctx.db, {
        lignes,
        appliquer: false,
        premiereLigne: type === "application/json" ? 1 : 2,
        acteur: { ...acteurDeRequete(requete), origine: "import" },
        ...(departements ? { departements } : {}),
      });
      return reponse
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="lignes-rejetees.csv"')
        .send(rapportDesRejets(rapport.rejetees));
    },
  );

  /** The file's records, its type, and the territory a hub may import for. */
  async function lireFichier(requete: FastifyRequest) {
    const type = String(requete.headers["content-type"]).split(";")[0]!.trim();
    let lignes: unknown[];
    if (type === "application/json") {
      const corps = requete.body;
      if (!Array.isArray(corps))
        throw ErreurMetier.du(echec("fichier", "Le fichier JSON doit être une liste de lieux."));
      lignes = corps;
    } else lignes = await tableurDeRequete(requete);
    const h = connexionRequise(requete).habilitation!;
    let departements: string[] | undefined;
    if (h.role === "hub") {
      const p = h.perimetre as { type: string; codes?: string[] };
      departements =
        p.type === "departements"
          ? (p.codes ?? [])
          : await departementsDesRegions(ctx.db, p.codes ?? []);
    }
    return { lignes, type, departements };
  }
}
