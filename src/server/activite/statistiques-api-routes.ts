import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { listeDeRequete } from "../../domain/champs.ts";
import { versFormatCoop } from "../../domain/cra/format-coop.ts";
import { jourParis } from "../../domain/temps.ts";
import { codeCommuneSchema, codeDepartementSchema } from "../../domain/territoire.ts";
import type { Contexte } from "../contexte.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { periode, statistiquesDesDepartements } from "./statistiques-service.ts";

/** La Coop's type names, older singular ones included ("Demarche" was a type there). */
const TYPES_COOP: Record<string, string> = {
  Individuel: "individuel",
  Collectif: "collectif",
  Ponctuel: "ponctuel",
  Demarche: "individuel",
};

/** One value, a comma-separated list, or a repeated parameter, as La Coop accepts them. */
const listeDe = <T extends z.ZodType>(element: T) =>
  listeDeRequete(element, { max: 200, message: "Au plus 200 valeurs par filtre.", virgules: true });

const date = (message: string) => z.iso.date(message).optional();

/** The partner API's filters, plural and legacy singular names (docs/domaine/statistiques-et-opendata.md §5.1). */
const filtresCoopSchema = z
  .object({
    "filter[du]": date("filter[du] : date attendue au format AAAA-MM-JJ."),
    "filter[au]": date("filter[au] : date attendue au format AAAA-MM-JJ."),
    "filter[types]": listeDe(
      z.enum(Object.keys(TYPES_COOP) as [string, ...string[]], {
        error: "filter[types] : Individuel, Collectif ou Ponctuel.",
      }),
    ),
    "filter[type]": listeDe(
      z.enum(Object.keys(TYPES_COOP) as [string, ...string[]], {
        error: "filter[type] : Individuel, Collectif, Ponctuel ou Demarche.",
      }),
    ),
    "filter[departements]": listeDe(codeDepartementSchema),
    "filter[departement]": listeDe(codeDepartementSchema),
    "filter[communes]": listeDe(codeCommuneSchema),
    "filter[commune]": listeDe(codeCommuneSchema),
    "filter[lieux]": listeDe(z.uuid("filter[lieux] : identifiants de lieux attendus.")),
    "filter[lieu]": listeDe(z.uuid("filter[lieu] : identifiant de lieu attendu.")),
    "filter[conseiller_numerique]": z
      .enum(["1"], {
        error:
          "filter[conseiller_numerique] : seule la valeur 1 a un sens ici (tous les comptes rendus sont ceux de conseillers numériques).",
      })
      .optional(),
  })
  .strict()
  .refine((f) => !f["filter[du]"] || !f["filter[au]"] || f["filter[du]"] <= f["filter[au]"], {
    path: ["filter[au]"],
    message: "filter[au] doit suivre filter[du].",
  });

const element = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
  proportion: z.number().describe("Pourcentage, trois décimales"),
});
const part = z.object({ total: z.number().int(), proportion: z.number() });
const serie = z.array(z.object({ label: z.string(), count: z.number().int() }));

/** La Coop's envelope and attributes (docs/domaine/statistiques-et-opendata.md §5.2), `ponctuels` added. */
const reponseCoopSchema = z.object({
  data: z.object({
    type: z.literal("statistiques"),
    id: z.literal("statistiques"),
    attributes: z.object({
      accompagnements_par_jour: serie,
      accompagnements_par_mois: serie,
      beneficiaires: z.object({
        total: z.number().int(),
        genres: z.array(element),
        tranche_ages: z.array(element),
        statuts_social: z.array(element),
      }),
      activites: z.object({
        total: z.number().int(),
        type_activites: z.array(element),
        durees: z.array(element),
        type_lieu: z.array(element),
        thematiques: z.array(element),
        thematiques_demarches: z.array(element),
        materiels: z.array(element),
      }),
      totaux: z.object({
        activites: z.object({
          total: z.number().int(),
          individuels: part,
          collectifs: part.extend({ participants: z.number().int() }),
          ponctuels: part,
          demarches: part,
        }),
        accompagnements: z.object({
          total: z.number().int(),
          individuels: part,
          collectifs: part,
          ponctuels: part,
          demarches: part,
        }),
        beneficiaires: z.object({
          total: z.number().int(),
          nouveaux: z.number().int(),
          suivis: z.number().int(),
          anonymes: z.number().int(),
        }),
      }),
    }),
  }),
  links: z.object({ self: z.object({ href: z.string() }) }),
  meta: z.object({}),
});

export function routesStatistiquesApi(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/statistiques",
    {
      config: { acces: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags: ["API publique : statistiques"],
        summary: "Statistiques d'activité au format de l'API partenaires de La Coop",
        description:
          "Agrégats uniquement, sans clé ; mêmes noms de filtres et même enveloppe que l'API de La Coop (filter[du], filter[au], filter[types], filter[departements], filter[communes], filter[lieux], et leurs formes au singulier). Par défaut : les 12 derniers mois.",
        querystring: filtresCoopSchema,
        response: { 200: reponseCoopSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const q = requete.query;
      const { du, au } = periode(
        { du: q["filter[du]"], au: q["filter[au]"] },
        jourParis(ctx.horloge()),
      );
      const departements = [...q["filter[departements]"], ...q["filter[departement]"]];
      const types = [
        ...new Set([...q["filter[types]"], ...q["filter[type]"]].map((t) => TYPES_COOP[t]!)),
      ];
      const stats = await statistiquesDesDepartements(
        ctx.db,
        departements,
        { du, au },
        {
          // All three types is no filter: the roll-ups answer.
          types: types.length > 0 && types.length < 3 ? types : undefined,
          communeCodes: [...q["filter[communes]"], ...q["filter[commune]"]],
          lieuIds: [...q["filter[lieux]"], ...q["filter[lieu]"]],
        },
      );
      reponse.header("cache-control", "public, max-age=3600");
      return versFormatCoop(stats, `${ctx.config.urlPublique}${requete.url}`);
    },
  );
}
