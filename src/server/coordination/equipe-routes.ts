import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { identifiantSchema, okSchema } from "../../domain/champs.ts";
import { invitationsRecuesSchema, pageEquipeSchema } from "../../domain/coordination/api.ts";
import {
  ETATS_EQUIPE,
  type EtatEquipe,
  invitationEquipeSchema,
} from "../../domain/coordination/equipe.ts";
import { reussite } from "../../domain/erreurs.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema, pageSchema } from "../http/schemas.ts";
import { envoyerTableur, formatTableurSchema, reponseTableurSchema } from "../http/tableur.ts";
import type { Colonne } from "../infra/export.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import {
  accepterInvitation,
  archiverMembre,
  invitationsRecues,
  inviterDansLEquipe,
  monEquipe,
  relancerInvitation,
  retirerInvitation,
  TAILLE_PAGE_EQUIPE,
} from "./equipe-service.ts";

const tag = ["Coordination"];
const idParams = z.object({ id: z.uuid("Identifiant invalide.") });
const etatSchema = z
  .enum(Object.keys(ETATS_EQUIPE) as [EtatEquipe, ...EtatEquipe[]], {
    error: "L'état est actif, inactif, invite ou archive.",
  })
  .optional();

const COLONNES: Colonne<Awaited<ReturnType<typeof monEquipe>>["membres"][number]>[] = [
  { titre: "Prénom", valeur: (m) => m.prenom },
  { titre: "Nom", valeur: (m) => m.nom },
  { titre: "Adresse électronique", valeur: (m) => m.email },
  { titre: "État", valeur: (m) => ETATS_EQUIPE[m.etat] },
  { titre: "Dernier compte rendu", valeur: (m) => m.dernierCra },
];

export function routesEquipe(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const commun = (requete: Parameters<typeof connexionRequise>[0]) => ({
    connexion: connexionRequise(requete),
    acteur: acteurDeRequete(requete),
    maintenant: ctx.horloge(),
    urlPublique: ctx.config.urlPublique,
  });

  r.get(
    "/api/equipe",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary:
          "Mon équipe : membres actifs ou inactifs (un compte rendu dans les 60 jours), invités, archivés",
        querystring: z.object({ etat: etatSchema, page: pageSchema }).strict(),
        response: { 200: pageEquipeSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const { total, membres } = await monEquipe(
        ctx.db,
        connexionRequise(requete).utilisateur.id,
        requete.query,
        ctx.horloge(),
      );
      return { total, page: requete.query.page, taillePage: TAILLE_PAGE_EQUIPE, membres };
    },
  );

  r.get(
    "/api/equipe/export",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary: "Exporter mon équipe (CSV ou XLSX)",
        querystring: z.object({ etat: etatSchema, format: formatTableurSchema }).strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, etat } = requete.query;
      const { membres } = await monEquipe(
        ctx.db,
        connexionRequise(requete).utilisateur.id,
        { etat, page: null },
        ctx.horloge(),
      );
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "equipe",
        fichier: `Equipe_${jourParis(ctx.horloge())}`,
        feuille: "Équipe",
        colonnes: COLONNES,
        lignes: membres,
        details: { etat: etat ?? null },
      });
    },
  );

  r.post(
    "/api/equipe/invitations",
    {
      config: { acces: ["coordinateur"], rateLimit: { max: 60, timeWindow: "15 minutes" } },
      schema: {
        tags: tag,
        summary: "Inviter un conseiller dans mon équipe par son adresse électronique",
        body: invitationEquipeSchema,
        response: { 201: identifiantSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const r = await inviterDansLEquipe(ctx.db, ctx.messagerie, {
        ...commun(requete),
        email: requete.body.email,
      });
      if (r.ok) await ctx.messagerie.distribuer(r.valeur.courriels);
      return repondre(reponse, r.ok ? reussite({ id: r.valeur.id }) : r, 201);
    },
  );

  r.post(
    "/api/equipe/invitations/:id/relance",
    {
      config: { acces: ["coordinateur"], rateLimit: { max: 30, timeWindow: "15 minutes" } },
      schema: {
        tags: tag,
        summary: "Renvoyer une invitation",
        params: idParams,
        response: { 200: okSchema, 400: corpsErreurSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const r = await relancerInvitation(ctx.db, ctx.messagerie, {
        ...commun(requete),
        id: requete.params.id,
      });
      if (r.ok) await ctx.messagerie.distribuer(r.valeur.courriels);
      return repondre(reponse, r.ok ? reussite({ ok: true as const }) : r);
    },
  );

  r.delete(
    "/api/equipe/invitations/:id",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary: "Retirer une invitation pas encore acceptée",
        params: idParams,
        response: { 200: okSchema, 400: corpsErreurSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await retirerInvitation(ctx.db, {
          coordinateurId: connexionRequise(requete).utilisateur.id,
          id: requete.params.id,
          acteur: acteurDeRequete(requete),
        }),
      ),
  );

  r.post(
    "/api/equipe/membres/:id/archive",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary: "Archiver un membre de mon équipe",
        params: idParams,
        response: { 200: okSchema, 400: corpsErreurSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await archiverMembre(ctx.db, {
          coordinateurId: connexionRequise(requete).utilisateur.id,
          id: requete.params.id,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
      ),
  );

  r.get(
    "/api/conseiller/invitations-equipe",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Les invitations d'un coordinateur qui m'attendent",
        response: { 200: invitationsRecuesSchema },
      },
    },
    async (requete) => invitationsRecues(ctx.db, connexionRequise(requete).utilisateur.email),
  );

  r.post(
    "/api/conseiller/invitations-equipe/:id/acceptation",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Accepter l'invitation d'un coordinateur",
        params: idParams,
        response: { 200: okSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const { utilisateur } = connexionRequise(requete);
      return repondre(
        reponse,
        await accepterInvitation(ctx.db, {
          id: requete.params.id,
          conseillerId: utilisateur.id,
          email: utilisateur.email,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
      );
    },
  );
}
