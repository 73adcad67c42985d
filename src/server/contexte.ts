import type { FastifyReply } from "fastify";
/** What every capability receives: the outside world, passed in so tests use real local stand-ins. */
import type pg from "pg";
import type { Config } from "./config.ts";
import type { Db, TypeBase } from "./db/client.ts";
import type { CacheReponses } from "./infra/cache-reponses.ts";
import type { Geocodeur } from "./infra/geocodeur.ts";
import type { Messagerie } from "./infra/messagerie.ts";
import type { ProConnect } from "./infra/proconnect.ts";
import type { ExecutionLocale, RelanceParFile, Travaux } from "./taches/index.ts";

export type Contexte = {
  db: Db;
  /**
   * Where reads that tolerate a few seconds of lag go (public map and API, open data,
   * statistics, dashboards): the replica when there is one, otherwise `db`. Never a write.
   */
  dbLecture: Db;
  typeBase: TypeBase;
  config: Config;
  messagerie: Messagerie;
  proconnect: ProConnect | undefined;
  geocodeur: Geocodeur;
  horloge: () => Date;
  /** The public map's answers that are the same for everyone; emptied when a place changes. */
  cacheCarte: CacheReponses;
  /**
   * A place changed: the map's cache is emptied at once and open data is regenerated within seconds (changes close together make one
   * run), not at the next hourly run. Absent where no platform runs the regeneration.
   */
  lieuxModifies?: () => void;
  /** The work a change causes (mails, open data), asked inside its transaction. */
  travaux: Travaux;
  /**
   * The periodic tasks as this process sees them: run here (embedded mode, with their state in
   * memory) or by the queue's worker (their state in the queue's tables, a retry sent to it).
   */
  taches?: ExecutionLocale | RelanceParFile | undefined;
  /** The server's connection pool, whose use /metrics shows (none on PGlite). */
  pool?: pg.Pool | undefined;
};

export function nomCookieSession(config: Config): string {
  // The __Host- prefix pins the cookie to this exact origin over HTTPS.
  return config.production ? "__Host-cnfs_session" : "cnfs_session";
}

export function poserCookieSession(
  reponse: FastifyReply,
  contexte: Contexte,
  valeur: string,
): void {
  reponse.setCookie(nomCookieSession(contexte.config), valeur, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: contexte.config.production,
    maxAge: Math.floor(contexte.config.session.absolueMs / 1000),
  });
}
