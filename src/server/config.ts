import { isIP } from "node:net";
import { z } from "zod";

const booleen = z
  .enum(["0", "1", "true", "false", "oui", "non"])
  .transform((v) => v === "1" || v === "true" || v === "oui");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_REPLICA_URL: z.string().optional(),
  PGLITE_DIR: z.string().default("./data/pglite"),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  CNFS_DEMO: booleen.optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z
    .string()
    .default("Conseillers numériques <ne-pas-repondre@conseiller-numerique.gouv.fr>"),
  SESSION_INACTIVITE_MINUTES: z.coerce.number().int().positive().default(120),
  SESSION_ABSOLUE_HEURES: z.coerce.number().int().positive().default(12),
  PROCONNECT_ISSUER: z.url().optional(),
  PROCONNECT_CLIENT_ID: z.string().optional(),
  PROCONNECT_CLIENT_SECRET: z.string().optional(),
  PROCONNECT_SCOPES: z.string().default("openid given_name usual_name email uid siret"),
  PROCONNECT_ALLOW_HTTP: booleen.optional(),
  GEOCODEUR_URL: z.url().optional(),
  /**
   * Who runs the periodic tasks: `locales` (this process, the embedded mode's default) or
   * `worker` (the queue's worker process, `npm run worker`: the default beside DATABASE_URL).
   */
  CNFS_TACHES: z
    .enum(["locales", "worker"], { error: "CNFS_TACHES vaut locales ou worker." })
    .optional(),
  /** Addresses (comma-separated) that may read /metrics without a token: the scraper's (loopback by default). */
  METRICS_ALLOW: z
    .string()
    .default("127.0.0.1,::1")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  /** A bearer token that opens /metrics from anywhere (at least 24 characters). */
  METRICS_TOKEN: z.string().min(24, "METRICS_TOKEN fait au moins 24 caractères.").optional(),
  /** Shared store of the per-address limits when several instances serve (Redis). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL commence par redis:// ou rediss://.")
    .optional(),
  CLE_CHIFFREMENT_FICHIERS: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "CLE_CHIFFREMENT_FICHIERS doit être 32 octets en base64.")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** MapLibre style of the public map's background (IGN Plan in production); none: a plain background. */
  CARTE_STYLE_URL: z.url().optional(),
  /**
   * The proxies whose `X-Forwarded-For` is believed: a hop count, or addresses and CIDR ranges
   * (`proxy-addr` names such as `loopback` too). Unset: none, the client is the socket's peer.
   */
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((s, ctx) => {
      const v = s.trim();
      if (v === "") return false as const;
      if (/^\d+$/.test(v)) return Number(v);
      const liste = v
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);
      for (const x of liste) {
        const [adresse, masque] = x.split("/");
        const nomme = ["loopback", "linklocal", "uniquelocal"].includes(x);
        const famille = isIP(adresse ?? "");
        const masqueValide =
          masque === undefined ||
          (/^\d+$/.test(masque) && Number(masque) <= (famille === 6 ? 128 : 32));
        if (!nomme && (famille === 0 || !masqueValide)) {
          ctx.addIssue({
            code: "custom",
            message: `TRUST_PROXY : « ${x} » n'est ni un nombre de relais, ni une adresse, ni une plage CIDR.`,
          });
          return z.NEVER;
        }
      }
      return liste;
    }),
  /** How long the public map keeps an answer shared by all (0: never, for a comparison). */
  CARTE_CACHE_SECONDES: z.coerce.number().int().min(0).max(3600).default(60),
  /** Client addresses exempt from per-IP limits (a trusted cache in front, a load test). */
  LIMITES_EXEMPTES: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
});

export type Config = {
  production: boolean;
  port: number;
  host: string;
  urlPublique: string;
  databaseUrl: string | undefined;
  /**
   * A streaming replica of that server: the reads that tolerate a few seconds of lag (public
   * map and API, open data, statistics, dashboards and their exports) go there.
   */
  databaseReplicaUrl: string | undefined;
  /** PostgreSQL connections per instance. */
  taillePool: number;
  dossierPglite: string;
  demo: boolean;
  smtpUrl: string | undefined;
  expediteur: string;
  session: { inactiviteMs: number; absolueMs: number };
  proconnect:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string;
        scopes: string;
        autoriserHttp: boolean;
      }
    | undefined;
  niveauLog: string;
  limitesExemptes: string[];
  cacheCarteMs: number;
  /** Fastify's `trustProxy`: false (none), a hop count, or the trusted proxies' addresses. */
  confianceProxy: false | number | string[];
  styleCarte: string | undefined;
  urlGeocodeur: string | undefined;
  /** Who may read /metrics: these addresses, or anyone with this bearer token. */
  metriques: { adresses: string[]; jeton: string | undefined };
  /** Who runs the periodic tasks: this process alone, or the queue's worker (ADR 021). */
  taches: "locales" | "worker";
  /** Where the per-address limits are counted: Redis shared by the instances, or this process. */
  urlRedis: string | undefined;
  /** AES-256-GCM key of uploaded files (CVs). */
  cleFichiers: Buffer;
};

/** Outside production only: files stay readable across restarts of a development machine. */
const CLE_FICHIERS_DEVELOPPEMENT = Buffer.alloc(32, "cnfs-developpement");

/** Reads the environment once; a configuration that cannot be safe stops the server. */
export function lireConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const production = e.NODE_ENV === "production";
  const demo = e.CNFS_DEMO ?? !production;
  if (production && demo) {
    throw new Error(
      "Le mode démonstration (CNFS_DEMO) est interdit en production : il permet de se connecter sans preuve d'identité.",
    );
  }
  if (production && e.PROCONNECT_ALLOW_HTTP) {
    throw new Error("PROCONNECT_ALLOW_HTTP est réservé aux fournisseurs d'identité de test.");
  }
  if (production && !e.CLE_CHIFFREMENT_FICHIERS) {
    throw new Error(
      "CLE_CHIFFREMENT_FICHIERS est obligatoire en production (32 octets en base64, ex. openssl rand -base64 32).",
    );
  }
  const pc =
    e.PROCONNECT_ISSUER && e.PROCONNECT_CLIENT_ID && e.PROCONNECT_CLIENT_SECRET
      ? {
          issuer: e.PROCONNECT_ISSUER,
          clientId: e.PROCONNECT_CLIENT_ID,
          clientSecret: e.PROCONNECT_CLIENT_SECRET,
          scopes: e.PROCONNECT_SCOPES,
          autoriserHttp: e.PROCONNECT_ALLOW_HTTP ?? false,
        }
      : undefined;
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    urlPublique: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_URL ? e.DATABASE_REPLICA_URL : undefined,
    taillePool: e.PG_POOL_MAX,
    dossierPglite: e.PGLITE_DIR,
    demo,
    smtpUrl: e.SMTP_URL,
    expediteur: e.MAIL_FROM,
    session: {
      inactiviteMs: e.SESSION_INACTIVITE_MINUTES * 60_000,
      absolueMs: e.SESSION_ABSOLUE_HEURES * 3_600_000,
    },
    proconnect: pc,
    niveauLog: e.LOG_LEVEL,
    limitesExemptes: e.LIMITES_EXEMPTES,
    cacheCarteMs: e.CARTE_CACHE_SECONDES * 1000,
    confianceProxy: e.TRUST_PROXY,
    styleCarte: e.CARTE_STYLE_URL,
    urlGeocodeur: e.GEOCODEUR_URL,
    urlRedis: e.REDIS_URL,
    metriques: { adresses: e.METRICS_ALLOW, jeton: e.METRICS_TOKEN },
    taches: e.CNFS_TACHES ?? (e.DATABASE_URL ? "worker" : "locales"),
    cleFichiers: e.CLE_CHIFFREMENT_FICHIERS
      ? Buffer.from(e.CLE_CHIFFREMENT_FICHIERS, "base64")
      : CLE_FICHIERS_DEVELOPPEMENT,
  };
}
