import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as oidc from "openid-client";
import { z } from "zod";
import { messageSchema } from "../../domain/champs.ts";
import type { EchecProConnect } from "../../domain/connexion.ts";
import { introuvable } from "../../domain/erreurs.ts";
import { configConnexionSchema, deconnexionSchema, sessionSchema } from "../../domain/session.ts";
import { demandeLienSchema, jetonSchema } from "../../domain/utilisateur.ts";
import {
  changerHabilitation,
  chargerSession,
  connexionRequise,
  fermerSession,
} from "../access/index.ts";
import { type Contexte, nomCookieSession, poserCookieSession } from "../contexte.ts";
import { refuser } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { empreinte, jetonAleatoire } from "../infra/secrets.ts";
import { decrireMoi, moiSchema } from "./moi.ts";
import {
  connecterProConnect,
  memoriserTransaction,
  reprendreTransaction,
} from "./proconnect-service.ts";
import { demanderLienMagique, REPONSE_DEMANDE_LIEN, seConnecterParJeton } from "./service.ts";

const COOKIE_OIDC = "cnfs_oidc";
const tag = ["Connexion"];

const limiteConnexion = { max: 10, timeWindow: "15 minutes" };

export function routesAuth(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieSession = nomCookieSession(ctx.config);

  const ancienneSession = (requete: FastifyRequest) => {
    const v = requete.cookies[cookieSession];
    return v ? empreinte(v) : null;
  };

  const accueilApres = async (cookie: string) => {
    const s = await chargerSession(ctx.db, cookie, ctx.horloge(), ctx.config.session);
    return s ? await decrireMoi(ctx.db, s) : null;
  };

  r.get(
    "/api/auth/config",
    {
      config: { acces: "public" },
      schema: {
        tags: tag,
        summary: "Moyens de connexion proposés",
        response: { 200: configConnexionSchema },
      },
    },
    async () => ({ proconnect: Boolean(ctx.proconnect), demo: ctx.config.demo }),
  );

  r.post(
    "/api/auth/lien",
    {
      config: { acces: "public", rateLimit: limiteConnexion },
      schema: {
        tags: tag,
        summary: "Demander un lien de connexion par courriel",
        body: demandeLienSchema,
        response: { 202: messageSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const ids = await demanderLienMagique(ctx.db, ctx.messagerie, {
        email: requete.body.email,
        maintenant: ctx.horloge(),
        urlPublique: ctx.config.urlPublique,
      });
      await ctx.messagerie.distribuer(ids);
      return reponse.status(202).send({ message: REPONSE_DEMANDE_LIEN });
    },
  );

  for (const [chemin, nature, resume] of [
    ["/api/auth/lien/connexion", "connexion", "Se connecter avec un lien reçu par courriel"],
    ["/api/auth/invitation", "invitation", "Accepter une invitation et se connecter"],
  ] as const) {
    r.post(
      chemin,
      {
        config: { acces: "public", rateLimit: limiteConnexion },
        schema: {
          tags: tag,
          summary: resume,
          body: jetonSchema,
          response: { 200: moiSchema, 400: corpsErreurSchema },
        },
      },
      async (requete, reponse) => {
        const resultat = await seConnecterParJeton(ctx.db, {
          valeur: requete.body.jeton,
          nature,
          maintenant: ctx.horloge(),
          ip: requete.ip,
          ancienneSession: ancienneSession(requete),
        });
        if (!resultat.ok) return refuser(reponse, resultat);
        poserCookieSession(reponse, ctx, resultat.valeur.cookie);
        const moi = await accueilApres(resultat.valeur.cookie);
        return reponse.send(moi!);
      },
    );
  }

  r.get(
    "/api/moi",
    {
      config: { acces: "connecte" },
      schema: {
        tags: tag,
        summary: "L'utilisateur connecté et son habilitation active",
        response: { 200: moiSchema, 401: corpsErreurSchema },
      },
    },
    async (requete) => decrireMoi(ctx.db, connexionRequise(requete)),
  );

  r.get(
    "/api/session",
    {
      config: { acces: "public" },
      schema: {
        tags: tag,
        summary: "La session du navigateur : l'utilisateur connecté, ou null pour un visiteur",
        description:
          "Pour les pages publiques : un visiteur n'est pas une erreur (200, moi nul), là où /api/moi répond 401.",
        response: { 200: sessionSchema },
      },
    },
    async (requete, reponse) => {
      reponse.header("cache-control", "no-store");
      return { moi: requete.connexion ? await decrireMoi(ctx.db, requete.connexion) : null };
    },
  );

  r.post(
    "/api/moi/habilitation",
    {
      config: { acces: "connecte" },
      schema: {
        tags: tag,
        summary: "Changer d'habilitation active",
        body: z.object({ habilitationId: z.uuid("Habilitation inconnue.") }).strict(),
        response: { 200: moiSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const active = await ctx.db.transaction((tx) =>
        changerHabilitation(tx, connexion, requete.body.habilitationId),
      );
      if (!active)
        return refuser(
          reponse,
          introuvable("Vous ne détenez pas cette habilitation.", "habilitationId"),
        );
      return decrireMoi(ctx.db, { ...connexion, habilitation: active });
    },
  );

  r.post(
    "/api/auth/deconnexion",
    {
      config: { acces: "public" },
      schema: {
        tags: tag,
        summary: "Se déconnecter (et quitter ProConnect si la session en vient)",
        response: { 200: deconnexionSchema },
      },
    },
    async (requete, reponse) => {
      const connexion = requete.connexion;
      reponse.clearCookie(cookieSession, { path: "/" });
      if (!connexion) return { redirection: "/" };
      await fermerSession(ctx.db, connexion.idHash);
      if (connexion.idToken && ctx.proconnect) {
        const url = await ctx.proconnect.urlDeconnexion({
          idToken: connexion.idToken,
          state: oidc.randomState(),
        });
        return { redirection: url.href };
      }
      return { redirection: "/" };
    },
  );

  if (!ctx.proconnect) return;
  const proconnect = ctx.proconnect;

  r.get(
    "/api/auth/proconnect",
    {
      config: { acces: "public", rateLimit: limiteConnexion },
      schema: { tags: tag, summary: "Commencer la connexion avec ProConnect" },
    },
    async (_requete, reponse) => {
      const cle = jetonAleatoire();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      await memoriserTransaction(ctx.db, { cle, state, nonce, maintenant: ctx.horloge() });
      reponse.setCookie(COOKIE_OIDC, cle, {
        path: "/api/auth/proconnect",
        httpOnly: true,
        sameSite: "lax",
        secure: ctx.config.production,
        maxAge: 600,
      });
      return reponse.redirect((await proconnect.urlAutorisation({ state, nonce })).href);
    },
  );

  r.get(
    "/api/auth/proconnect/retour",
    {
      config: { acces: "public", rateLimit: limiteConnexion },
      schema: { tags: tag, summary: "Retour de ProConnect après authentification" },
    },
    async (requete, reponse) => {
      const cle = requete.cookies[COOKIE_OIDC];
      reponse.clearCookie(COOKIE_OIDC, { path: "/api/auth/proconnect" });
      const transaction = cle ? await reprendreTransaction(ctx.db, cle, ctx.horloge()) : null;
      if (!transaction) return echecProConnect(reponse, "session_expiree");
      let identite: Awaited<ReturnType<typeof proconnect.terminer>>;
      try {
        identite = await proconnect.terminer(
          new URL(requete.url, ctx.config.urlPublique),
          transaction,
        );
      } catch (erreur) {
        requete.log.warn({ err: erreur }, "Retour ProConnect refusé");
        return echecProConnect(reponse, "verification");
      }
      const resultat = await connecterProConnect(ctx.db, {
        identite,
        ip: requete.ip,
        maintenant: ctx.horloge(),
        ancienneSession: ancienneSession(requete),
      });
      if (!resultat) return echecProConnect(reponse, "compte_inconnu");
      poserCookieSession(reponse, ctx, resultat.cookie);
      const moi = await accueilApres(resultat.cookie);
      return reponse.redirect(moi?.habilitation?.accueil ?? "/espace");
    },
  );
}

function echecProConnect(reponse: FastifyReply, motif: EchecProConnect) {
  return reponse.redirect(`/connexion?erreur=${motif}`);
}
