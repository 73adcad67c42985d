import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { identifiantSchema, okSchema } from "../../domain/champs.ts";
import type { Resultat } from "../../domain/erreurs.ts";
import {
  conseillersDuLieuSchema,
  invitationPrescripteurSchema,
  pageOrientationsEnvoyeesSchema,
  pageOrientationsRecuesSchema,
  statistiquesOrientationsSchema,
} from "../../domain/orientations/api.ts";
import {
  acceptationSchema,
  orientationSchema,
  ROLES_ORIENTEURS,
  redirectionSchema,
} from "../../domain/orientations/orientation.ts";
import { jourParis } from "../../domain/temps.ts";
import { invitationFaiteSchema } from "../../domain/utilisateur.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { refuser, repondre } from "../http/reponse.ts";
import { corpsErreurSchema, pageSchema } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import {
  conseillersDuLieu,
  FILES_RECUES,
  type FileRecue,
  orientationsEnvoyees,
  orientationsRecues,
  statistiquesOrientations,
  TAILLE_PAGE_ORIENTATIONS,
} from "./orientations-queries.ts";
import { accepter, marquerAbsente, orienter, rediriger } from "./orientations-service.ts";
import { inviterPrescripteur } from "./prescripteurs.ts";

const idParams = z.object({ id: z.uuid("Identifiant d'orientation invalide.") });
const tag = ["Orientations"];

type Ligne = Awaited<ReturnType<typeof orientationsRecues>>["lignes"][number];

/** What every reader sees of a row; the contact only where the route adds it. */
const vue = (l: Ligne) => ({
  id: l.id,
  nominative: l.nominative,
  statut: l.statut,
  urgence: l.urgence as "normale" | "urgente",
  thematiques: l.thematiques,
  creeLe: l.creeLe,
  redirections: l.redirections,
  motifRedirection: l.motifRedirection,
  rendezVous: l.rendezVous,
  atelier:
    l.atelierTitre && l.atelierDebut ? { titre: l.atelierTitre, debut: l.atelierDebut } : null,
  lieu: { id: l.lieuId, nom: l.lieuNom, commune: l.commune },
  prenom: l.prenom,
});

/** Orientations: send a person to a place, the receiving place's queue, the outcome, the figures. */
export function routesOrientations(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/orientations",
    {
      config: { acces: [...ROLES_ORIENTEURS] },
      schema: {
        tags: tag,
        summary: "Orienter une personne vers un lieu, avec son accord",
        body: orientationSchema,
        response: { 201: identifiantSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const c = connexionRequise(requete);
      return repondre(
        reponse,
        await orienter(ctx.db, {
          emetteurId: c.utilisateur.id,
          habilitation: c.habilitation!,
          saisie: requete.body,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
        201,
      );
    },
  );

  r.get(
    "/api/orientations/lieux/:id/conseillers",
    {
      config: { acces: [...ROLES_ORIENTEURS] },
      schema: {
        tags: tag,
        summary: "Les conseillers d'un lieu aujourd'hui, à qui adresser une orientation",
        params: z.object({ id: z.uuid("Identifiant de lieu invalide.") }),
        response: { 200: conseillersDuLieuSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => ({
      conseillers: (
        await conseillersDuLieu(ctx.db, requete.params.id, jourParis(ctx.horloge()))
      ).map((c) => ({ id: c.id, nom: c.nom })),
    }),
  );

  r.get(
    "/api/orientations/envoyees",
    {
      config: { acces: [...ROLES_ORIENTEURS] },
      schema: {
        tags: tag,
        summary: "Mes orientations envoyées et ce qu'elles sont devenues",
        querystring: z.object({ page: pageSchema }).strict(),
        response: { 200: pageOrientationsEnvoyeesSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const { total, lignes } = await orientationsEnvoyees(
        ctx.db,
        connexionRequise(requete).utilisateur.id,
        requete.query.page,
      );
      return {
        total,
        page: requete.query.page,
        taillePage: TAILLE_PAGE_ORIENTATIONS,
        orientations: lignes.map(vue),
      };
    },
  );

  r.get(
    "/api/orientations/recues",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Les orientations adressées à mes lieux : à traiter, acceptées, terminées",
        querystring: z
          .object({
            file: z
              .enum(Object.keys(FILES_RECUES) as [FileRecue, ...FileRecue[]], {
                error: "File inconnue : a_traiter, acceptees ou terminees.",
              })
              .default("a_traiter"),
            page: pageSchema,
          })
          .strict(),
        response: { 200: pageOrientationsRecuesSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const { total, lignes } = await orientationsRecues(ctx.db, {
        conseillerId: connexionRequise(requete).utilisateur.id,
        jour: jourParis(ctx.horloge()),
        file: requete.query.file,
        page: requete.query.page,
      });
      return {
        total,
        page: requete.query.page,
        taillePage: TAILLE_PAGE_ORIENTATIONS,
        orientations: lignes.map((l) => ({
          ...vue(l),
          nom: l.nom,
          email: l.email,
          telephone: l.telephone,
          precisions: l.precisions,
        })),
      };
    },
  );

  /** What every action of the receiving conseiller on one orientation starts from. */
  const traitement = (requete: FastifyRequest, id: string) => ({
    id,
    conseillerId: connexionRequise(requete).utilisateur.id,
    acteur: acteurDeRequete(requete),
    maintenant: ctx.horloge(),
  });
  /** Done: the person's message leaves after the commit, the answer does not wait for it. */
  const prevenir = (reponse: FastifyReply, fait: Resultat<{ mails: string[] }>) => {
    if (!fait.ok) return refuser(reponse, fait);
    ctx.messagerie.distribuerEnArrierePlan(fait.valeur.mails);
    return { ok: true as const };
  };

  const reponsesTraitement = {
    200: okSchema,
    400: corpsErreurSchema,
    404: corpsErreurSchema,
    409: corpsErreurSchema,
  };

  r.post(
    "/api/orientations/:id/acceptation",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary:
          "Accepter une orientation : un rendez-vous ou un atelier, la personne est prévenue",
        params: idParams,
        body: acceptationSchema,
        response: reponsesTraitement,
      },
    },
    async (requete, reponse) =>
      prevenir(
        reponse,
        await accepter(ctx.db, ctx.messagerie, {
          ...traitement(requete, requete.params.id),
          saisie: requete.body,
        }),
      ),
  );

  r.post(
    "/api/orientations/:id/redirection",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Rediriger une orientation vers un autre lieu, avec le motif",
        params: idParams,
        body: redirectionSchema,
        response: reponsesTraitement,
      },
    },
    async (requete, reponse) =>
      prevenir(
        reponse,
        await rediriger(ctx.db, ctx.messagerie, {
          ...traitement(requete, requete.params.id),
          saisie: requete.body,
        }),
      ),
  );

  r.post(
    "/api/orientations/:id/absence",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "La personne orientée n'est pas venue",
        params: idParams,
        response: reponsesTraitement,
      },
    },
    async (requete, reponse) =>
      repondre(reponse, await marquerAbsente(ctx.db, traitement(requete, requete.params.id))),
  );

  r.get(
    "/api/orientations/statistiques",
    {
      config: { acces: ["admin", "prefet", "hub"] },
      schema: {
        tags: tag,
        summary: "Orientations envoyées, reçues et personnes aidées, par département du périmètre",
        response: { 200: statistiquesOrientationsSchema },
      },
    },
    async (requete) => ({
      departements: await statistiquesOrientations(ctx.db, connexionRequise(requete)),
    }),
  );

  r.post(
    "/api/orientations/prescripteurs",
    {
      config: { acces: ["admin", "hub"] },
      schema: {
        tags: tag,
        summary:
          "Inviter un prescripteur (agent France Services, travailleur social) pour un département",
        body: invitationPrescripteurSchema,
        response: { 201: invitationFaiteSchema, 400: corpsErreurSchema, 403: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const fait = await inviterPrescripteur(ctx.db, ctx.messagerie, {
        connexion: connexionRequise(requete),
        saisie: requete.body,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
        urlPublique: ctx.config.urlPublique,
      });
      if (!fait.ok) return refuser(reponse, fait);
      await ctx.messagerie.distribuer(fait.valeur.courriels);
      return reponse.status(201).send({
        utilisateurId: fait.valeur.utilisateurId,
        habilitationId: fait.valeur.habilitationId,
      });
    },
  );
}
