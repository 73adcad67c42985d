import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RawRequestDefaultExpression,
} from "fastify";

/** What the platform's own code logs with, inside a request or not. */
export type Journal = {
  info: (o: object, m: string) => void;
  warn: (o: object, m: string) => void;
  error: (o: object, m: string) => void;
};

/** The logger of the request being served (it carries the request id), where there is one. */
const journalDeLaRequete = new AsyncLocalStorage<FastifyBaseLogger>();

/**
 * A request id a load balancer gave is kept when it looks like one (so that its logs and ours
 * join); anything else, or none, gets a fresh UUID: ids are unique across instances, unlike
 * Fastify's per-process counter.
 */
const FORME_ID = /^[A-Za-z0-9._-]{8,100}$/;
export function identifiantDeRequete(requete: RawRequestDefaultExpression): string {
  const recu = requete.headers["x-request-id"];
  return typeof recu === "string" && FORME_ID.test(recu) ? recu : randomUUID();
}

/** Fastify's options for it: our ids, logged as `requestId`. */
export const optionsIdentifiantRequete = () => ({
  genReqId: identifiantDeRequete,
  logController: new LogController({ requestIdLogLabel: "requestId" }),
});

/**
 * Every request answers with its id (`x-request-id`, to quote to the support) and runs with its
 * logger in reach, so that what a service logs while serving it carries the same id.
 */
export function suivreLesRequetes(app: FastifyInstance): void {
  app.addHook("onRequest", (requete, reponse, suite) => {
    reponse.header("x-request-id", requete.id);
    journalDeLaRequete.run(requete.log, suite);
  });
}

/**
 * A logger that writes through the current request's (with its id) when called while serving
 * one, and through `defaut` otherwise (tasks, start-up).
 */
export function journalCourant(defaut: () => FastifyBaseLogger | undefined): Journal {
  const cible = () => journalDeLaRequete.getStore() ?? defaut();
  return {
    info: (o, m) => cible()?.info(o, m),
    warn: (o, m) => cible()?.warn(o, m),
    error: (o, m) => cible()?.error(o, m),
  };
}
