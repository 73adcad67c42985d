import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Erreur, Refus } from "../../domain/erreurs.ts";
import { STATUT_DU_REFUS } from "./reponse.ts";

/** Body of every refusal the API sends: the same shape for one field or for the whole request. */
export type CorpsErreur = { erreurs: Erreur[] };

export function corpsErreur(message: string, champ = ""): CorpsErreur {
  return { erreurs: [{ champ, message }] };
}

/** A failure the user caused, thrown from a handler and turned into a 4xx by the error handler. */
export class ErreurMetier extends Error {
  constructor(
    readonly statut: 400 | 401 | 403 | 404 | 409 | 413 | 414 | 415 | 422 | 429,
    readonly erreurs: Erreur[],
  ) {
    super(erreurs.map((e) => e.message).join(" "));
  }

  /** A service's refusal thrown (to roll a transaction back), with the status of its kind. */
  static du(refus: Refus): ErreurMetier {
    return new ErreurMetier(STATUT_DU_REFUS[refus.genre ?? "invalide"], refus.erreurs);
  }
}

const MESSAGES_FASTIFY: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, "Le corps de la requête n'est pas un JSON valide."],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, "Le corps de la requête est vide."],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "Ce type de contenu n'est pas accepté."],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, "La requête est trop volumineuse."],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "La longueur annoncée de la requête est fausse."],
};

/** The SQLSTATE of a database error, whether the driver's own or wrapped by the query builder. */
function etatSql(erreur: unknown): string | undefined {
  for (
    let e = erreur, i = 0;
    e && typeof e === "object" && i < 4;
    e = (e as { cause?: unknown }).cause, i++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

// Class 22 (data exception): a value the database cannot hold — a number beyond its column, an
// impossible date, a byte sequence it refuses. Each field's schema should have said so first;
// this is the net under them. Division by zero (22012) is our bug, not the user's input.
const MESSAGES_SQL: Record<string, string> = {
  "22003": "Un nombre saisi dépasse la valeur maximale acceptée.",
  "22008": "Une date saisie est hors du calendrier accepté.",
  "22007": "Une date saisie n'est pas valide.",
  "22001": "Un texte saisi est trop long.",
  "22021": "Un texte saisi contient un caractère non autorisé.",
  "22P02": "Une valeur saisie n'a pas le format attendu.",
  "22P05": "Un texte saisi contient un caractère non autorisé.",
};

/** Errors the router raises before any hook (a malformed or too long path segment), in French. */
export function erreursDuRouteur(
  erreur: FastifyError,
  _requete: FastifyRequest,
  reponse: FastifyReply,
): void {
  if (erreur.code === "FST_ERR_MAX_PARAM_LENGTH") {
    reponse.status(414).send(corpsErreur("Un élément de l'adresse est trop long."));
    return;
  }
  reponse.status(400).send(corpsErreur("L'adresse de la requête est mal formée."));
}

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The body's member that holds the form (`candidature` beside a `cv`): its fields' errors are
     * named as the form names them, without the prefix.
     */
    racineDesChamps?: string;
  }
}

export function installerErreurs(app: FastifyInstance): void {
  app.setErrorHandler((erreur: FastifyError, requete, reponse) => {
    if (hasZodFastifySchemaValidationErrors(erreur)) {
      const racine = requete.routeOptions.config?.racineDesChamps;
      return reponse.status(400).send({
        erreurs: erreur.validation.map((v) => {
          const champ = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
          return {
            champ:
              racine && champ.startsWith(`${racine}.`) ? champ.slice(racine.length + 1) : champ,
            message: v.message ?? "Valeur invalide.",
          };
        }),
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
    const sql = etatSql(erreur);
    if (sql && MESSAGES_SQL[sql]) {
      // Logged: a refusal the schema should have made is a gap to close.
      requete.log.warn({ err: erreur, sqlstate: sql }, "Valeur refusée par la base");
      return reponse.status(400).send(corpsErreur(MESSAGES_SQL[sql]));
    }
    requete.log.error({ err: erreur }, "Erreur interne");
    // Never the message nor the stack: they may hold SQL, paths or personal data.
    return reponse
      .status(500)
      .send(corpsErreur("Une erreur interne est survenue. L'équipe technique a été prévenue."));
  });
}
