import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Role } from "../../domain/roles.ts";
import type { Db } from "../db/client.ts";
import { corpsErreur } from "../http/erreurs.ts";
import { chargerSession, type ReglesSession, type SessionChargee } from "./sessions.ts";

/**
 * Who may call a route: anyone, any signed-in user (even without a habilitation), or the
 * listed roles of the active habilitation.
 */
export type Acces = "public" | "connecte" | readonly Role[];

declare module "fastify" {
  interface FastifyContextConfig {
    acces?: Acces;
  }
  interface FastifyRequest {
    connexion: SessionChargee | null;
  }
  interface FastifyInstance {
    /** Every API route with its access rule, as declared: read by the access-matrix test. */
    reglesAcces: Map<string, Acces>;
  }
}

export type OptionsAcces = {
  db: Db;
  regles: ReglesSession;
  nomCookie: string;
  horloge: () => Date;
};

/** Routes of the API must say who may call them; the server does not start otherwise (docs/securite.md, règle 1). */
export function installerAcces(app: FastifyInstance, options: OptionsAcces): void {
  app.decorateRequest("connexion", null);
  app.decorate("reglesAcces", new Map<string, Acces>());
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api")) return;
    if (route.method === "HEAD" || route.method === "OPTIONS") return;
    if (!route.config?.acces) {
      throw new Error(`Route sans règle d'accès : ${String(route.method)} ${route.url}`);
    }
    app.reglesAcces.set(`${String(route.method)} ${route.url}`, route.config.acces);
  });
  app.addHook("onRequest", async (requete, reponse) => {
    const acces = requete.routeOptions.config?.acces;
    if (!acces) return;
    const valeur = requete.cookies[options.nomCookie];
    if (valeur) {
      requete.connexion = await chargerSession(
        options.db,
        valeur,
        options.horloge(),
        options.regles,
      );
      if (!requete.connexion) reponse.clearCookie(options.nomCookie, { path: "/" });
    }
    return verifierAcces(acces, requete, reponse);
  });
}

function verifierAcces(acces: Acces, requete: FastifyRequest, reponse: FastifyReply) {
  if (acces === "public") return;
  if (!requete.connexion) {
    // Returning the reply ends the request here: nothing after a refusal runs (docs/securite.md, règle 5).
    return reponse
      .status(401)
      .send(corpsErreur("Vous devez vous connecter pour accéder à ce service."));
  }
  if (acces === "connecte") return;
  const role = requete.connexion.habilitation?.role;
  if (!role || !acces.includes(role)) {
    return reponse
      .status(403)
      .send(corpsErreur("Votre habilitation ne vous permet pas d'accéder à ce service."));
  }
}

/** The signed-in user's session, for handlers whose route already demands one. */
export function connexionRequise(requete: FastifyRequest): SessionChargee {
  if (!requete.connexion) throw new Error("Route sans session : règle d'accès mal déclarée");
  return requete.connexion;
}

/** The structure a gestionnaire acts for: always the session's, never a body field (docs/securite.md, règle 3). */
export function structureDeSession(connexion: SessionChargee): string {
  const p = connexion.habilitation?.perimetre;
  if (p?.type !== "structure") throw new Error("Habilitation structure sans structure");
  return p.structureId;
}
