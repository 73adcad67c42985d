import type { FastifyInstance } from "fastify";
import { corpsErreur } from "./erreurs.ts";

const METHODES_SURES = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests sent by another site (docs/securite.md, règle 7). Browsers always send `Origin` on
 * such requests; a client without it carries no victim's cookie, so it is not a CSRF vector.
 */
export function installerControleOrigine(app: FastifyInstance, urlPublique: string): void {
  const attendue = new URL(urlPublique).origin;
  app.addHook("onRequest", async (requete, reponse) => {
    if (METHODES_SURES.has(requete.method)) return;
    const origine = requete.headers.origin;
    if (origine) {
      const hote = `${requete.protocol}://${requete.host}`;
      if (origine === attendue || origine === hote) return;
      return reponse
        .status(403)
        .send(corpsErreur("Requête refusée : elle ne vient pas de ce site."));
    }
    const site = requete.headers["sec-fetch-site"];
    if (site && site !== "same-origin" && site !== "none") {
      return reponse
        .status(403)
        .send(corpsErreur("Requête refusée : elle ne vient pas de ce site."));
    }
  });
}
