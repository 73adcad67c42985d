import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { okSchema } from "../../domain/champs.ts";
import { reussite } from "../../domain/erreurs.ts";
import {
  historiquePersonneSchema,
  historiquePosteSchema,
  lignesContratsSchema,
  lignesPostesSchema,
  pageContratsSchema,
  statutContratSchema,
  statutProlongationSchema,
  statutRuptureSchema,
} from "../../domain/recrutement/api.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { pageOptionnelleSchema, rechercheSchema } from "../http/schemas.ts";
import {
  envoyerTableur,
  formatTableurSchema,
  reponseTableurSchema,
  triSchema,
} from "../http/tableur.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { exportRecrutements } from "./exports.ts";
import { deciderProlongation, suivreRupture, validerRupture } from "./fin-contrat-service.ts";
import {
  compterContrats,
  historiqueDePersonne,
  historiqueDePoste,
  listerContrats,
  listerPostes,
  TRIS_CONTRATS,
  VUES_CONTRATS,
} from "./suivi-queries.ts";
import { refuserRecrutement, validerRecrutement } from "./validation-service.ts";

const tag = ["Recrutement (pilotage)"];
const TAILLE_PAGE_CONTRATS = 20;
const idSchema = z.object({ id: z.uuid("Identifiant invalide.") });
const motifSchema = z
  .object({
    motif: z
      .string({ error: "Indiquez le motif." })
      .trim()
      .min(5, "Le motif doit compter au moins 5 caractères.")
      .max(1000),
  })
  .strict();

/** The contracts' view, search and order, the same on the screen and in its export. */
const filtresContratsSchema = z.object({
  vue: z.enum(VUES_CONTRATS, { error: "Vue des contrats inconnue." }).default("en_cours"),
  recherche: rechercheSchema,
  tri: triSchema(TRIS_CONTRATS),
});

export function routesSuiviRecrutement(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const acteur = (requete: Parameters<typeof acteurDeRequete>[0]) => ({
    acteur: acteurDeRequete(requete),
    maintenant: ctx.horloge(),
  });

  r.get(
    "/api/recrutement/contrats",
    {
      config: { acces: ["admin", "prefet", "coordinateur", "structure"] },
      schema: {
        tags: tag,
        summary:
          "Recrutements et contrats du périmètre, avec leur formation ; par page quand `page` est donnée",
        querystring: filtresContratsSchema.extend({ page: pageOptionnelleSchema }).strict(),
        response: { 200: lignesContratsSchema.or(pageContratsSchema) },
      },
    },
    async (requete) => {
      const connexion = connexionRequise(requete);
      const { page, ...filtres } = requete.query;
      const q = { ...filtres, aujourdhui: jourParis(ctx.horloge()) };
      if (page === undefined) return listerContrats(ctx.db, connexion, q);
      const [total, contrats] = await Promise.all([
        compterContrats(ctx.db, connexion, q),
        listerContrats(ctx.db, connexion, { ...q, page, limite: TAILLE_PAGE_CONTRATS }),
      ]);
      return { total, page, taillePage: TAILLE_PAGE_CONTRATS, contrats };
    },
  );

  r.get(
    "/api/recrutement/contrats/export",
    {
      config: {
        acces: ["admin", "prefet", "coordinateur", "structure"],
        rateLimit: { max: 20, timeWindow: "1 minute" },
      },
      schema: {
        tags: tag,
        summary:
          "Exporter les contrats filtrés du périmètre, dans l'ordre de l'écran (CSV ou XLSX), journalisé",
        querystring: filtresContratsSchema.extend({ format: formatTableurSchema }).strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, ...filtres } = requete.query;
      const aujourdhui = jourParis(ctx.horloge());
      const table = await exportRecrutements(ctx.db, connexionRequise(requete), {
        ...filtres,
        aujourdhui,
      });
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "contrats",
        fichier: `Contrats_${filtres.vue}_${aujourdhui}`,
        ...table,
        details: filtres,
      });
    },
  );

  r.get(
    "/api/recrutement/postes",
    {
      config: { acces: ["admin", "prefet"] },
      schema: {
        tags: tag,
        summary: "Postes du périmètre ; en retard : vacants après leur date limite de recrutement",
        querystring: z.object({ enRetard: z.enum(["oui", "non"]).default("oui") }).strict(),
        response: { 200: lignesPostesSchema },
      },
    },
    async (requete) =>
      listerPostes(ctx.db, connexionRequise(requete), {
        aujourdhui: jourParis(ctx.horloge()),
        enRetardSeulement: requete.query.enRetard === "oui",
      }),
  );

  r.post(
    "/api/admin/contrats/:id/validation",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Valider un recrutement",
        params: idSchema,
        response: { 200: okSchema },
      },
    },
    async (requete, reponse) => {
      const res = await validerRecrutement(ctx.db, ctx.messagerie, {
        contratId: requete.params.id,
        ...acteur(requete),
        urlPublique: ctx.config.urlPublique,
      });
      if (res.ok) {
        await ctx.messagerie.distribuer(res.valeur.courriels);
        // A previous contract ended leaves its places: open data follows.
        ctx.lieuxModifies?.();
      }
      // The e-mails sent are the platform's business, not the answer's.
      return repondre(reponse, res.ok ? reussite({ ok: true as const }) : res);
    },
  );

  r.post(
    "/api/admin/contrats/:id/refus",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Refuser un recrutement",
        params: idSchema,
        body: motifSchema,
        response: { 200: statutContratSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await refuserRecrutement(ctx.db, {
          contratId: requete.params.id,
          motif: requete.body.motif,
          ...acteur(requete),
        }),
      ),
  );

  r.post(
    "/api/admin/ruptures/:id/validation",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Valider une rupture",
        params: idSchema,
        response: { 200: okSchema },
      },
    },
    async (requete, reponse) => {
      const res = await validerRupture(ctx.db, ctx.messagerie, {
        ruptureId: requete.params.id,
        ...acteur(requete),
      });
      if (res.ok) {
        await ctx.messagerie.distribuer(res.valeur.courriels);
        // The conseiller leaves their places: open data follows.
        ctx.lieuxModifies?.();
      }
      // The e-mails sent are the platform's business, not the answer's.
      return repondre(reponse, res.ok ? reussite({ ok: true as const }) : res);
    },
  );

  r.post(
    "/api/admin/ruptures/:id/incomplete",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Demander un document pour une rupture",
        params: idSchema,
        body: z
          .object({
            commentaire: z
              .string({ error: "Indiquez le document attendu." })
              .trim()
              .min(5, "Indiquez le document attendu.")
              .max(1000),
          })
          .strict(),
        response: { 200: statutRuptureSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await suivreRupture(ctx.db, {
          ruptureId: requete.params.id,
          structureId: null,
          evenement: "marquer_incomplete",
          commentaire: requete.body.commentaire,
          ...acteur(requete),
        }),
      ),
  );

  r.post(
    "/api/admin/prolongations/:id/decision",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Accepter ou refuser une prolongation",
        params: idSchema,
        body: z.object({ accepter: z.boolean() }).strict(),
        response: { 200: statutProlongationSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await deciderProlongation(ctx.db, {
          id: requete.params.id,
          accepter: requete.body.accepter,
          ...acteur(requete),
        }),
      ),
  );

  r.get(
    "/api/personnes/:id/historique",
    {
      config: { acces: ["admin", "prefet", "structure"] },
      schema: {
        tags: tag,
        summary: "Historique d'une personne (candidature, mises en relation, contrats, formation)",
        params: idSchema,
        response: { 200: historiquePersonneSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await historiqueDePersonne(ctx.db, connexionRequise(requete), requete.params.id),
      ),
  );

  r.get(
    "/api/postes/:id/historique",
    {
      config: { acces: ["admin", "prefet", "structure"] },
      schema: {
        tags: tag,
        summary: "Historique d'un poste",
        params: idSchema,
        response: { 200: historiquePosteSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await historiqueDePoste(ctx.db, connexionRequise(requete), requete.params.id),
      ),
  );
}
