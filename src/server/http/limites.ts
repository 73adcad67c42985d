import { once } from "node:events";
import { setTimeout } from "node:timers/promises";
import type { RateLimitPluginOptions } from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";

const ATTENTE_REDIS_MS = 2_000;

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
  // Without the offline queue, a request met before the connection is up is not counted: an
  // instance starts serving once its counter is reachable, or after a short wait if it is not.
  app.addHook("onReady", async () => {
    if (redis.status === "ready") return;
    // An unreachable Redis rejects `once` with its error: logged above, the start goes on.
    const pret = once(redis, "ready").catch(() => undefined);
    await Promise.race([pret, setTimeout(ATTENTE_REDIS_MS)]);
  });
  app.addHook("onClose", async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return { redis, nameSpace: "cnfs-limite:", skipOnError: true };
}
