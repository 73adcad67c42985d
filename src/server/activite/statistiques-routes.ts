import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { statistiquesSchema } from "../../domain/cra/api.ts";
import { CODES } from "../../domain/cra/vocabulaire.ts";
import { LIBELLES_ROLES } from "../../domain/roles.ts";
import { jourParis } from "../../domain/temps.ts";
import {
  codeCommuneSchema,
  codeDepartementSchema,
  codeRegionSchema,
} from "../../domain/territoire.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { refuser, repondre } from "../http/reponse.ts";
import { reponseFichier } from "../http/schemas.ts";
import { TYPE_XLSX } from "../http/tableur.ts";
import { exportePar, versCsv, versXlsx } from "../infra/export.ts";
import { acteurDeRequete, journaliser } from "../infra/journal.ts";
import { COLONNES_EXPORT, lignesStatistiques, rapportPdf } from "./statistiques-export.ts";
import type { FiltresActivite } from "./statistiques-queries.ts";
import {
  periodeSchema,
  statistiquesDuPerimetre,
  statistiquesPubliques,
} from "./statistiques-service.ts";

const tag = ["Statistiques"];
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

/** Filters on activities, each a value of its vocabulary (never pasted into SQL). */
const filtresActiviteSchema = z.object({
  type: z.enum(CODES.types, { error: "Type d'activité inconnu." }).optional(),
  thematique: z.enum(CODES.thematiques, { error: "Thématique inconnue." }).optional(),
  typeLieu: z.enum(CODES.typesLieu, { error: "Type de lieu inconnu." }).optional(),
  lieuId: z.uuid("Lieu invalide.").optional(),
  communeCode: codeCommuneSchema.optional(),
});

/** What narrows the scope itself: one of its départements, conseillers or employers. */
const filtresPerimetre = {
  departement: codeDepartementSchema.optional(),
  conseiller: z.uuid("Conseiller invalide.").optional(),
  structure: z.uuid("Structure invalide.").optional(),
};

/** The active activity filters, as the export's header states them. */
function filtresEnTexte(q: FiltresActivite): string {
  return Object.entries({
    "type d'activité": q.type,
    thématique: q.thematique,
    "type de lieu": q.typeLieu,
    lieu: q.lieuId,
    commune: q.communeCode,
  })
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
}

export function routesStatistiques(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/statistiques",
    {
      config: { acces: LECTEURS },
      schema: {
        tags: tag,
        summary: "Statistiques d'activité du périmètre de l'habilitation active",
        querystring: periodeSchema.and(filtresActiviteSchema.extend(filtresPerimetre).strict()),
        response: { 200: statistiquesSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await statistiquesDuPerimetre(
          ctx.dbLecture,
          connexionRequise(requete),
          requete.query,
          jourParis(ctx.horloge()),
        ),
      ),
  );

  r.get(
    "/api/statistiques/export",
    {
      config: { acces: LECTEURS, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary: "Exporter les statistiques du périmètre (CSV, XLSX ou rapport PDF)",
        querystring: periodeSchema.and(
          filtresActiviteSchema
            .extend({
              ...filtresPerimetre,
              format: z.enum(["csv", "xlsx", "pdf"], { error: "Le format est csv, xlsx ou pdf." }),
            })
            .strict(),
        ),
        response: {
          200: reponseFichier(
            "Les statistiques en CSV, en XLSX ou en rapport PDF, en pièce jointe",
            ["text/csv", TYPE_XLSX, "application/pdf"],
          ),
        },
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const res = await statistiquesDuPerimetre(
        ctx.dbLecture,
        connexion,
        requete.query,
        jourParis(ctx.horloge()),
      );
      if (!res.ok) return refuser(reponse, res);
      const s = res.valeur;
      const q = requete.query;
      await journaliser(ctx.db, acteurDeRequete(requete), {
        action: "export.telecharge",
        cibleType: "export",
        cibleId: "statistiques",
        apres: { format: q.format, ...s.periode, departement: q.departement ?? null },
      });
      const portee = connexion.habilitation?.role ?? "perimetre";
      const nom = `Statistiques_${portee}${q.departement ? `_${q.departement}` : ""}_${s.periode.du}_${s.periode.au}.${q.format}`;
      reponse.header("content-disposition", `attachment; filename="${nom}"`);
      const lignesExport = lignesStatistiques(s);
      if (q.format === "csv")
        return reponse.type("text/csv; charset=utf-8").send(versCsv(COLONNES_EXPORT, lignesExport));
      if (q.format === "xlsx")
        return reponse
          .type(TYPE_XLSX)
          .send(
            await versXlsx("Statistiques", COLONNES_EXPORT, lignesExport, [
              exportePar(connexion.utilisateur, ctx.horloge()),
              `Périmètre : ${LIBELLES_ROLES[connexion.habilitation!.role]}${q.departement ? `, département ${q.departement}` : ""}`,
              `Période : du ${s.periode.du} au ${s.periode.au}`,
              `Filtres : ${filtresEnTexte(q) || "aucun"}`,
            ]),
          );
      return reponse.type("application/pdf").send(
        await rapportPdf(s, {
          titre: "Statistiques d'activité des conseillers numériques",
          perimetre: `${LIBELLES_ROLES[connexion.habilitation!.role]}${q.departement ? `, département ${q.departement}` : ""}`,
          auteur: `${connexion.utilisateur.prenom} ${connexion.utilisateur.nom}`,
          le: ctx.horloge(),
        }),
      );
    },
  );

  r.get(
    "/api/public/statistiques",
    {
      config: { acces: "public", rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary: "Statistiques publiques : nationales, par région ou par département",
        querystring: periodeSchema.and(
          filtresActiviteSchema
            .pick({ type: true, thematique: true, typeLieu: true })
            .extend({
              departement: codeDepartementSchema.optional(),
              region: codeRegionSchema.optional(),
            })
            .strict(),
        ),
        response: { 200: statistiquesSchema },
      },
    },
    async (requete) =>
      statistiquesPubliques(ctx.dbLecture, requete.query, jourParis(ctx.horloge())),
  );
}
