import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { okSchema } from "../../domain/champs.ts";
import { introuvable, reussite } from "../../domain/erreurs.ts";
import { FILES_POSTES, STATUTS_POSTE } from "../../domain/espaces.ts";
import {
  avisEnregistreSchema,
  decisionEnregistreeSchema,
  ficheDemandeSchema,
  pageDemandesSchema,
  pagePostesSchema,
  sessionComiteVueSchema,
  sessionsComiteSchema,
} from "../../domain/selection/api.ts";
import { STATUTS_DEMANDE, type StatutDemande } from "../../domain/selection/demande-postes.ts";
import {
  avisSchema,
  decisionSchema,
  sessionComiteSchema,
} from "../../domain/selection/instruction.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { refuser, repondre } from "../http/reponse.ts";
import { corpsErreurSchema, pageSchema, rechercheSchema } from "../http/schemas.ts";
import {
  envoyerTableur,
  formatTableurSchema,
  reponseTableurSchema,
  triSchema,
} from "../http/tableur.ts";
import { type Colonne, enEuros } from "../infra/export.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import {
  filtresDemandesSchema,
  lireDemande,
  listerDemandes,
  TRIS_DEMANDES,
} from "./demandes-queries.ts";
import {
  creerSessionComite,
  DEMANDE_HORS_TERRITOIRE,
  donnerAvis,
  enregistrerDecision,
  inscrireAOrdreDuJour,
  sessionsDuComite,
} from "./instruction-service.ts";
import {
  listerPostesDuPerimetre,
  selectionPostes,
  TAILLE_PAGE_POSTES,
  TRIS_POSTES,
} from "./postes-queries.ts";

const tag = ["Instruction des demandes"];
const LECTEURS = ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"] as const;
const TAILLE_PAGE_DEMANDES = 50;
const idParams = z.object({ id: z.uuid("Identifiant de demande invalide.") });
const _statuts = Object.keys(STATUTS_DEMANDE) as [StatutDemande, ...StatutDemande[]];

/** The posts' filters and order, the same on the screen and in its export. */
const filtresPostesSchema = z.object({
  file: z
    .enum(FILES_POSTES, { error: "La file vaut « a_pourvoir », « en_retard » ou « pourvus »." })
    .optional(),
  recherche: rechercheSchema,
  tri: triSchema(TRIS_POSTES),
});

type LignePoste = Awaited<ReturnType<typeof selectionPostes>>[number];

const COLONNES_POSTES: Colonne<LignePoste>[] = [
  { titre: "Structure", valeur: (l) => l.structureNom },
  { titre: "SIRET", valeur: (l) => l.siret },
  { titre: "Commune", valeur: (l) => l.commune },
  { titre: "Département", valeur: (l) => l.departementCode },
  { titre: "Secteur", valeur: (l) => l.secteur },
  { titre: "Coordinateur", valeur: (l) => (l.coordinateur ? "oui" : "non") },
  { titre: "Plafond (€)", valeur: (l) => enEuros(l.plafondCents) },
  { titre: "Durée (mois)", valeur: (l) => l.dureeMois },
  { titre: "Attribué le", valeur: (l) => l.dateAttribution },
  { titre: "Date limite de recrutement", valeur: (l) => l.dateLimiteRecrutement },
  { titre: "Statut", valeur: (l) => STATUTS_POSTE[l.statut] ?? l.statut },
  { titre: "En retard", valeur: (l) => (l.enRetard ? "oui" : "non") },
];

export function routesInstruction(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/demandes",
    {
      config: { acces: LECTEURS },
      schema: {
        tags: tag,
        summary: "Demandes de postes du périmètre (filtres de la préfecture)",
        querystring: filtresDemandesSchema
          .extend({
            tri: z
              .enum(TRIS_DEMANDES, {
                error: "Le tri vaut « recentes », « anciennes » ou « structure ».",
              })
              .default("recentes"),
            page: pageSchema,
          })
          .strict(),
        response: { 200: pageDemandesSchema },
      },
    },
    async (requete) => {
      const { total, lignes } = await listerDemandes(ctx.db, connexionRequise(requete), {
        ...requete.query,
        parPage: TAILLE_PAGE_DEMANDES,
      });
      return {
        total,
        page: requete.query.page,
        taillePage: TAILLE_PAGE_DEMANDES,
        demandes: lignes,
      };
    },
  );

  r.get(
    "/api/demandes/:id",
    {
      config: { acces: LECTEURS },
      schema: {
        tags: tag,
        summary: "Une demande, ses avis, ses décisions et ses postes",
        params: idParams,
        response: { 200: ficheDemandeSchema },
      },
    },
    async (requete, reponse) => {
      const demande = await lireDemande(ctx.db, connexionRequise(requete), requete.params.id);
      if (!demande) return refuser(reponse, introuvable(DEMANDE_HORS_TERRITOIRE));
      return demande;
    },
  );

  r.post(
    "/api/demandes/:id/avis",
    {
      config: { acces: ["prefet"] },
      schema: {
        tags: tag,
        summary: "Donner ou réviser l'avis de la préfecture",
        params: idParams,
        body: avisSchema,
        response: {
          201: avisEnregistreSchema,
          400: corpsErreurSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const res = await donnerAvis(ctx.db, {
        connexion: connexionRequise(requete),
        demandeId: requete.params.id,
        avis: requete.body,
        acteur: acteurDeRequete(requete),
      });
      return repondre(reponse, res, 201);
    },
  );

  r.get(
    "/api/comites",
    {
      config: { acces: LECTEURS },
      schema: {
        tags: tag,
        summary: "Sessions du comité national de sélection",
        response: {
          200: sessionsComiteSchema,
        },
      },
    },
    async () => sessionsDuComite(ctx.db),
  );

  r.post(
    "/api/comites",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Préparer une session numérotée du comité (COSELEC)",
        body: sessionComiteSchema,
        response: {
          201: sessionComiteVueSchema,
          400: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await creerSessionComite(ctx.db, requete.body, acteurDeRequete(requete)),
        201,
      ),
  );

  r.post(
    "/api/demandes/:id/ordre-du-jour",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Inscrire une demande à l'ordre du jour d'une session",
        params: idParams,
        body: z.object({ sessionComiteId: z.uuid("Session du comité inconnue.") }).strict(),
        response: {
          200: okSchema,
          400: corpsErreurSchema,
          404: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const res = await inscrireAOrdreDuJour(ctx.db, {
        connexion: connexionRequise(requete),
        demandeId: requete.params.id,
        sessionComiteId: requete.body.sessionComiteId,
        acteur: acteurDeRequete(requete),
      });
      return repondre(reponse, res.ok ? reussite({ ok: true as const }) : res);
    },
  );

  r.post(
    "/api/demandes/:id/decision",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Enregistrer la décision du comité (les postes sont créés à l'acceptation)",
        params: idParams,
        body: decisionSchema,
        response: {
          201: decisionEnregistreeSchema,
          400: corpsErreurSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const res = await enregistrerDecision(ctx.db, ctx.messagerie, {
        connexion: connexionRequise(requete),
        demandeId: requete.params.id,
        decision: requete.body,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
        urlPublique: ctx.config.urlPublique,
      });
      if (!res.ok) return repondre(reponse, res);
      const { decisionId, postes, courriels } = res.valeur;
      await ctx.messagerie.distribuer(courriels);
      return repondre(reponse, reussite({ decisionId, postes }), 201);
    },
  );

  r.get(
    "/api/postes",
    {
      config: { acces: LECTEURS },
      schema: {
        tags: tag,
        summary: "Postes du périmètre par page, avec leur date limite de recrutement",
        querystring: filtresPostesSchema.extend({ page: pageSchema }).strict(),
        response: { 200: pagePostesSchema },
      },
    },
    async (requete) => {
      const q = requete.query;
      const { total, postes } = await listerPostesDuPerimetre(ctx.db, connexionRequise(requete), {
        ...q,
        aujourdhui: jourParis(ctx.horloge()),
      });
      return { total, page: q.page, taillePage: TAILLE_PAGE_POSTES, postes };
    },
  );

  r.get(
    "/api/postes/export",
    {
      config: { acces: LECTEURS, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary:
          "Exporter les postes filtrés du périmètre, dans l'ordre de l'écran (CSV ou XLSX), journalisé",
        querystring: filtresPostesSchema.extend({ format: formatTableurSchema }).strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, ...q } = requete.query;
      const aujourdhui = jourParis(ctx.horloge());
      const lignes = await selectionPostes(ctx.db, connexionRequise(requete), { ...q, aujourdhui });
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "postes",
        fichier: `Postes_${aujourdhui}`,
        feuille: "Postes",
        colonnes: COLONNES_POSTES,
        lignes,
        details: { file: q.file ?? null, recherche: q.recherche ?? null, tri: q.tri },
      });
    },
  );
}
