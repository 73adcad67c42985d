import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { CODES } from "../../domain/cra/vocabulaire.ts";
import { LIBELLES_ROLES } from "../../domain/roles.ts";
import { jourParis } from "../../domain/temps.ts";
import {
  codeCommuneSchema,
  codeDepartementSchema,
  codeRegionSchema,
} from "../../domain/territoire.ts";
import { connexionRequise } from "../access/acces.ts";
import type { SessionChargee } from "../auth/sessions.ts";
import type { Contexte } from "../contexte.ts";
import { lignes } from "../db/client.ts";
import { corpsErreur } from "../http/erreurs.ts";
import { exportePar, versCsv, versXlsx } from "../infra/export.ts";
import { acteurDeRequete, journaliser } from "../journal/journal.ts";
import { COLONNES_EXPORT, lignesStatistiques, rapportPdf } from "./statistiques-export.ts";
import {
  type FiltresActivite,
  type Periode,
  SOURCE_NATIONALE,
  type StatistiquesPeriode,
  sourceDepartementale,
  sourceDuPerimetre,
  statistiquesDe,
} from "./statistiques-queries.ts";

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

export const periodeSchema = z
  .object({
    du: z.iso.date("La date de début est invalide (AAAA-MM-JJ).").optional(),
    au: z.iso.date("La date de fin est invalide (AAAA-MM-JJ).").optional(),
  })
  .refine((p) => !p.du || !p.au || p.du <= p.au, {
    path: ["au"],
    message: "La fin de la période doit suivre son début.",
  });

/** Default period: the last 12 months up to today (docs/domaine/statistiques-et-opendata.md §1). */
export function periode(
  q: { du?: string | undefined; au?: string | undefined },
  aujourdhui: string,
): Periode {
  const au = q.au ?? aujourdhui;
  const d = new Date(`${au}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return { du: q.du ?? d.toISOString().slice(0, 10), au };
}

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
        querystring: periodeSchema.and(
          filtresActiviteSchema.extend({ departement: codeDepartementSchema.optional() }).strict(),
        ),
      },
    },
    async (requete, reponse) => {
      const s = await statistiquesDeRequete(connexionRequise(requete), requete.query);
      if ("statut" in s) return reponse.status(s.statut).send(s.corps);
      return s;
    },
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
              departement: codeDepartementSchema.optional(),
              format: z.enum(["csv", "xlsx", "pdf"], { error: "Le format est csv, xlsx ou pdf." }),
            })
            .strict(),
        ),
      },
    },
    async (requete, reponse) => {
      const s = await statistiquesDeRequete(connexionRequise(requete), requete.query);
      if ("statut" in s) return reponse.status(s.statut).send(s.corps);
      const connexion = connexionRequise(requete);
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
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
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

  /** Scope, period and filter of a request, checked; or the refusal to send. */
  async function statistiquesDeRequete(
    connexion: SessionChargee,
    query: {
      du?: string | undefined;
      au?: string | undefined;
      departement?: string | undefined;
    } & FiltresActivite,
  ): Promise<StatistiquesPeriode | { statut: 400 | 403; corps: ReturnType<typeof corpsErreur> }> {
    const source = sourceDuPerimetre(connexion);
    if (!source)
      return {
        statut: 403,
        corps: corpsErreur("Votre habilitation ne donne pas accès aux statistiques."),
      };
    const departement = query.departement;
    if (departement) {
      if (source.table !== "stat_departement_jour")
        return {
          statut: 400,
          corps: corpsErreur("Ce filtre n'est pas disponible pour votre périmètre.", "departement"),
        };
      // A filter outside the scope is refused, never silently widened.
      const [dedans] = await lignes(
        ctx.dbLecture,
        sql`select 1 from (select ${departement}::text as departement_code) d
            where ${source.condition}`,
      );
      if (!dedans)
        return {
          statut: 403,
          corps: corpsErreur("Ce département n'est pas dans votre périmètre.", "departement"),
        };
    }
    return statistiquesDe(
      ctx.dbLecture,
      source,
      periode(query, jourParis(ctx.horloge())),
      departement ? sql`departement_code = ${departement}` : undefined,
      query,
    );
  }

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
      },
    },
    async (requete) => {
      const q = requete.query;
      const source = q.departement
        ? sourceDepartementale(sql`departement_code = ${q.departement}`)
        : q.region
          ? sourceDepartementale(
              sql`departement_code in (select code from departement where region_code = ${q.region})`,
            )
          : SOURCE_NATIONALE;
      return statistiquesDe(
        ctx.dbLecture,
        source,
        periode(q, jourParis(ctx.horloge())),
        undefined,
        q,
      );
    },
  );
}
