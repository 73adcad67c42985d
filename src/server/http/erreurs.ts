import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Erreur } from "../../domain/erreurs.ts";

/** Body of every refusal the API sends: the same shape for one field or for the whole request. */
export type CorpsErreur = { erreurs: Erreur[] };

export function corpsErreur(message: string, champ = ""): CorpsErreur {
  return { erreurs: [{ champ, message }] };
}

/** A failure the user caused, thrown from a handler and turned into a 4xx by the error handler. */
export class ErreurMetier extends Error {
  constructor(
    readonly statut: 400 | 401 | 403 | 404 | 409 | 415 | 422 | 429,
    readonly erreurs: Erreur[],
  ) {
    super(erreurs.map((e) => e.message).join(" "));
  }
}

/**
 * Checks a value against a schema built at request time (one that depends on today's date) and
 * refuses with the same 400 body as the route schemas.
 */
export function valider<T>(schema: z.ZodType<T>, valeur: unknown): T {
  const r = schema.safeParse(valeur);
  if (r.success) return r.data;
  throw new ErreurMetier(
    400,
    r.error.issues.map((i) => ({ champ: i.path.join("."), message: i.message })),
  );
}

const MESSAGES_FASTIFY: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, "Le corps de la requête n'est pas un JSON valide."],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, "Le corps de la requête est vide."],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "Ce type de contenu n'est pas accepté."],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, "La requête est trop volumineuse."],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "La longueur annoncée de la requête est fausse."],
};

export function installerErreurs(app: FastifyInstance): void {
  app.setErrorHandler((erreur: FastifyError, requete, reponse) => {
    if (hasZodFastifySchemaValidationErrors(erreur)) {
      return reponse.status(400).send({
        erreurs: erreur.validation.map((v) => ({
          champ: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
          message: v.message ?? "Valeur invalide.",
        })),
      } satisfies CorpsErreur);
    }
    if (erreur instanceof ErreurMetier) {
      return reponse.status(erreur.statut).send({ erreurs: erreur.erreurs } satisfies CorpsErreur);
    }
    const connu = erreur.code ? MESSAGES_FASTIFY[erreur.code] : undefined;
    if (connu) return reponse.status(connu[0]).send(corpsErreur(connu[1]));
    if (erreur.statusCode === 429) {
      return reponse
        .status(429)
        .send(corpsErreur("Trop de demandes en peu de temps. Réessayez dans quelques minutes."));
    }
    if (erreur.statusCode && erreur.statusCode >= 400 && erreur.statusCode < 500) {
      return reponse.status(erreur.statusCode).send(corpsErreur("La requête est invalide."));
    }
    requete.log.error({ err: erreur }, "Erreur interne");
    // Never the message nor the stack: they may hold SQL, paths or personal data.
    return reponse
      .status(500)
      .send(corpsErreur("Une erreur interne est survenue. L'équipe technique a été prévenue."));
  });
}
