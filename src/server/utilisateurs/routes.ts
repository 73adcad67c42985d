import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { reussite } from "../../domain/erreurs.ts";
import { LIBELLES_ROLES, type Role } from "../../domain/roles.ts";
import { jourParis } from "../../domain/temps.ts";
import {
  activationSchema,
  invitationFaiteSchema,
  invitationSchema,
  pageUtilisateursSchema,
  roleSchema,
} from "../../domain/utilisateur.ts";
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
import { listerUtilisateurs, selectionUtilisateurs, TRIS_UTILISATEURS } from "./queries.ts";
import { changerActivation, inviterUtilisateur } from "./service.ts";

const tag = ["Utilisateurs"];
const ADMIN = ["admin"] as const;

const filtresSchema = z.object({
  recherche: rechercheSchema,
  role: roleSchema.optional(),
  actif: z
    .enum(["oui", "non"], { error: "Le filtre « actif » vaut oui ou non." })
    .transform((v) => v === "oui")
    .optional(),
  tri: triSchema(TRIS_UTILISATEURS),
});

const idParams = z.object({ id: z.uuid("Identifiant d'utilisateur invalide.") });

const COLONNES_UTILISATEURS: Colonne<Awaited<ReturnType<typeof selectionUtilisateurs>>[number]>[] =
  [
    { titre: "Adresse électronique", valeur: (l) => l.email },
    { titre: "Prénom", valeur: (l) => l.prenom },
    { titre: "Nom", valeur: (l) => l.nom },
    { titre: "Actif", valeur: (l) => (l.actif ? "oui" : "non") },
    {
      titre: "Rôles",
      valeur: (l) => l.roles.map((r) => LIBELLES_ROLES[r as Role] ?? r).join(", "),
    },
    { titre: "Créé le", valeur: (l) => instantParis(l.creeLe) },
    { titre: "Invitation acceptée le", valeur: (l) => instantParis(l.invitationAccepteeLe) },
    { titre: "Dernière connexion", valeur: (l) => instantParis(l.derniereConnexionLe) },
  ];

export function routesUtilisateurs(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/utilisateurs/export",
    {
      config: { acces: ADMIN, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary:
          "Exporter les utilisateurs filtrés, dans l'ordre de l'écran (CSV ou XLSX), journalisé",
        querystring: filtresSchema.extend({ format: formatTableurSchema }).strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, ...filtres } = requete.query;
      const lignes = await selectionUtilisateurs(ctx.db, filtres);
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "utilisateurs",
        fichier: `Utilisateurs_${jourParis(ctx.horloge())}`,
        feuille: "Utilisateurs",
        colonnes: COLONNES_UTILISATEURS,
        lignes,
        details: filtres,
      });
    },
  );

  r.get(
    "/api/utilisateurs",
    {
      config: { acces: ADMIN },
      schema: {
        tags: tag,
        summary: "Lister les utilisateurs (recherche, rôle, état)",
        querystring: filtresSchema.extend({ page: pageSchema }).strict(),
        response: {
          200: pageUtilisateursSchema,
        },
      },
    },
    async (requete) => {
      const parPage = 50;
      const { total, lignes } = await listerUtilisateurs(ctx.db, { ...requete.query, parPage });
      return {
        total,
        page: requete.query.page,
        parPage,
        utilisateurs: lignes.map((u) => ({
          ...u,
          habilitations: u.habilitations.map((h) => ({
            id: h.id,
            role: h.role as Role,
            libelle: LIBELLES_ROLES[h.role as Role],
            perimetre: h.perimetre,
            actif: h.actif,
          })),
        })),
      };
    },
  );

  r.post(
    "/api/utilisateurs/invitations",
    {
      config: { acces: ADMIN },
      schema: {
        tags: tag,
        summary: "Inviter un utilisateur (adresse, rôle, périmètre)",
        body: invitationSchema,
        response: {
          201: invitationFaiteSchema,
          400: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const resultat = await inviterUtilisateur(ctx.db, ctx.messagerie, {
        invitation: requete.body,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
        urlPublique: ctx.config.urlPublique,
      });
      if (resultat.ok) await ctx.messagerie.distribuer(resultat.valeur.courriels);
      return repondre(
        reponse,
        resultat.ok
          ? reussite({
              utilisateurId: resultat.valeur.utilisateurId,
              habilitationId: resultat.valeur.habilitationId,
            })
          : resultat,
        201,
      );
    },
  );

  for (const [suffixe, actif, resume] of [
    ["desactivation", false, "Désactiver un compte (ses sessions sont fermées)"],
    ["reactivation", true, "Réactiver un compte"],
  ] as const) {
    r.post(
      `/api/utilisateurs/:id/${suffixe}`,
      {
        config: { acces: ADMIN },
        schema: {
          tags: tag,
          summary: resume,
          params: idParams,
          response: {
            200: activationSchema,
            404: corpsErreurSchema,
            409: corpsErreurSchema,
          },
        },
      },
      async (requete, reponse) => {
        const resultat = await changerActivation(ctx.db, {
          utilisateurId: requete.params.id,
          actif,
          acteur: acteurDeRequete(requete),
        });
        return repondre(reponse, resultat);
      },
    );
  }
}
