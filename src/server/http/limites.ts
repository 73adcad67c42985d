import type { RateLimitPluginOptions } from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";

/**
 * Where the per-address limits count. Alone (the embedded mode), in this process's memory; with
 * several instances behind a load balancer, in Redis, so that N instances do not allow N times
 * the limit. Redis unreachable: the request passes (an outage of the counter must not lock every
 * person out of signing in) and the failure is logged.
 */
export function magasinDesLimites(
  app: FastifyInstance,
  urlRedis: string | undefined,
): Pick<RateLimitPluginOptions, "redis" | "nameSpace" | "skipOnError"> {
  if (!urlRedis) return {};
  const redis = new Redis(urlRedis, {
    connectTimeout: 1_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  redis.on("error", (erreur) => app.log.warn({ err: erreur }, "Redis des limites injoignable"));
  app.addHook("onClose", async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return { redis, nameSpace: "cnfs-limite:", skipOnError: true };
}
