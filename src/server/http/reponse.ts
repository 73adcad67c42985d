import type { FastifyReply } from "fastify";
import type { GenreRefus, Refus, Resultat } from "../../domain/erreurs.ts";

/** The one place a refusal's kind becomes an HTTP status. */
export const STATUT_DU_REFUS: Record<GenreRefus, 400 | 403 | 404 | 409> = {
  invalide: 400,
  interdit: 403,
  introuvable: 404,
  conflit: 409,
};

/**
 * Answers with a service's result: its value (`succes`, 200 by default) or its refusal, with the
 * status of its kind and the `{ erreurs }` body of every refusal. A bare status becomes an
 * object: every answer of the API is a JSON object.
 */
export function repondre<T>(reponse: FastifyReply, res: Resultat<T>, succes = 200) {
  if (!res.ok) return refuser(reponse, res);
  return reponse
    .status(succes)
    .send(typeof res.valeur === "string" ? { statut: res.valeur } : res.valeur);
}

/** Sends a refusal a route met before calling any service (a rule about who asks). */
export function refuser(reponse: FastifyReply, refus: Refus) {
  return reponse
    .status(STATUT_DU_REFUS[refus.genre ?? "invalide"])
    .send({ erreurs: refus.erreurs });
}
