import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageCourrielsSchema, preferencesSchema } from "../../domain/notifications/api.ts";
import { STATUTS_COURRIEL } from "../../domain/notifications/courriels.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema, pageSchema, rechercheSchema } from "../http/schemas.ts";
import {
  envoyerTableur,
  formatTableurSchema,
  reponseTableurSchema,
  triSchema,
} from "../http/tableur.ts";
import { type Colonne, instantParis } from "../infra/export.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import {
  compterCourriels,
  modelesDeCourriel,
  selectionCourriels,
  TRIS_COURRIELS,
} from "./courriels-queries.ts";
import { choisirRecapitulatifs, preferences } from "./preferences-service.ts";

const tag = ["Notifications"];

/** The mails' filters and order, the same on the screen and in its export. */
const filtresCourrielsSchema = z.object({
  statut: z.enum(STATUTS_COURRIEL, { error: "Statut de courriel inconnu." }).optional(),
  modele: z.string().trim().max(60, "Le modèle ne dépasse pas 60 caractères.").optional(),
  recherche: rechercheSchema,
  tri: triSchema(TRIS_COURRIELS),
});

const COLONNES_COURRIELS: Colonne<Awaited<ReturnType<typeof selectionCourriels>>[number]>[] = [
  { titre: "Destinataire", valeur: (l) => l.destinataire },
  { titre: "Objet", valeur: (l) => l.objet },
  { titre: "Modèle", valeur: (l) => l.modele },
  { titre: "État", valeur: (l) => l.statut },
  { titre: "Tentatives", valeur: (l) => l.tentatives },
  { titre: "Erreur", valeur: (l) => l.erreur },
  { titre: "Créé le", valeur: (l) => instantParis(l.creeLe) },
  { titre: "Envoyé le", valeur: (l) => instantParis(l.envoyeLe) },
  { titre: "Prochaine tentative", valeur: (l) => instantParis(l.prochaineTentativeLe) },
];

export function routesNotifications(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/moi/notifications",
    {
      config: { acces: "connecte" },
      schema: {
        tags: tag,
        summary: "Les récapitulatifs quotidiens que je peux recevoir, et mes choix",
        response: { 200: preferencesSchema },
      },
    },
    async (requete) => preferences(ctx.db, connexionRequise(requete).utilisateur.id),
  );

  r.put(
    "/api/moi/notifications",
    {
      config: { acces: "connecte" },
      schema: {
        tags: tag,
        summary: "Choisir les récapitulatifs quotidiens reçus (journalisé)",
        body: z
          .object({
            actifs: z.record(
              z.string(),
              z.boolean({ error: "Indiquez oui ou non pour chaque récapitulatif." }),
            ),
          })
          .strict(),
        response: { 200: preferencesSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await choisirRecapitulatifs(ctx.db, {
          utilisateurId: connexionRequise(requete).utilisateur.id,
          actifs: requete.body.actifs,
          acteur: acteurDeRequete(requete),
        }),
      ),
  );

  r.get(
    "/api/admin/courriels",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary:
          "Tous les courriels envoyés par la plateforme et leur état de remise (sans leur texte)",
        querystring: filtresCourrielsSchema.extend({ page: pageSchema }).strict(),
        response: { 200: pageCourrielsSchema },
      },
    },
    async (requete) => {
      const { page, ...filtres } = requete.query;
      const parPage = 50;
      const [total, lignes, modeles] = await Promise.all([
        compterCourriels(ctx.db, filtres),
        selectionCourriels(ctx.db, filtres)
          .limit(parPage)
          .offset((page - 1) * parPage),
        modelesDeCourriel(ctx.db),
      ]);
      return { total, parPage, lignes, modeles };
    },
  );

  r.get(
    "/api/admin/courriels/export",
    {
      config: { acces: ["admin"], rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary:
          "Exporter les courriels filtrés, sans leur texte, dans l'ordre de l'écran (CSV ou XLSX), journalisé",
        querystring: filtresCourrielsSchema.extend({ format: formatTableurSchema }).strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, ...filtres } = requete.query;
      const lignes = await selectionCourriels(ctx.db, filtres);
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "courriels",
        fichier: `Courriels_${jourParis(ctx.horloge())}`,
        feuille: "Courriels",
        colonnes: COLONNES_COURRIELS,
        lignes,
        details: filtres,
      });
    },
  );
}
