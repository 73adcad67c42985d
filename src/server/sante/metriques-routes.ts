import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import client from "prom-client";
import { interdit } from "../../domain/erreurs.ts";
import { mesuresSchema } from "../../domain/taches.ts";
import type { Contexte } from "../contexte.ts";
import { refuser } from "../http/reponse.ts";
import { mesurer } from "./mesures.ts";

/** Seconds since the epoch of an ISO instant, for Prometheus; 0 for "never". */
const secondes = (iso: string | null | undefined) => (iso ? Date.parse(iso) / 1000 : 0);

/** Whether the scraper may read: an allowed address, or the bearer token (compared in constant time). */
function autorise(requete: FastifyRequest, ctx: Contexte): boolean {
  const { adresses, jeton } = ctx.config.metriques;
  if (adresses.includes(requete.ip)) return true;
  const presente = requete.headers.authorization?.replace(/^Bearer /, "") ?? "";
  if (!jeton || presente.length !== jeton.length) return false;
  return timingSafeEqual(Buffer.from(presente), Buffer.from(jeton));
}

/**
 * `/metrics` in Prometheus' text format: each route's latency, the database pool, the periodic
 * tasks, mails in failure, the CRA counters waiting for the fold. Read only by the addresses of
 * `METRICS_ALLOW` or with `METRICS_TOKEN`; every figure is read when scraped, never cached.
 */
export function routesMetriques(app: FastifyInstance, ctx: Contexte): void {
  const registre = new client.Registry();
  client.collectDefaultMetrics({ register: registre, prefix: "cnfs_" });
  const duree = new client.Histogram({
    name: "cnfs_http_duree_secondes",
    help: "Durée des réponses HTTP par route, méthode et statut",
    labelNames: ["methode", "route", "statut"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registre],
  });
  app.addHook("onResponse", async (requete, reponse) => {
    // The route's pattern, never the address: an identifier in a label would grow without end.
    const route = requete.routeOptions.url ?? "non_routee";
    if (route === "/metrics") return;
    duree.observe(
      { methode: requete.method, route, statut: String(reponse.statusCode) },
      reponse.elapsedTime / 1000,
    );
  });
  const connexions = new client.Gauge({
    name: "cnfs_base_connexions",
    help: "Connexions du pool PostgreSQL de ce processus (total, libres, demandes en attente)",
    labelNames: ["etat"] as const,
    registers: [registre],
  });
  const mesures = {
    courriels: new client.Gauge({
      name: "cnfs_courriels_en_echec",
      help: "Courriels en échec de remise",
      registers: [registre],
    }),
    compteurs: new client.Gauge({
      name: "cnfs_compteurs_cra_en_attente",
      help: "Compteurs de CRA pas encore versés dans les agrégats",
      registers: [registre],
    }),
    ageCompteurs: new client.Gauge({
      name: "cnfs_compteurs_cra_plus_ancien_secondes",
      help: "Âge du plus ancien compteur de CRA en attente (0 : aucun)",
      registers: [registre],
    }),
    tachesEnAttente: new client.Gauge({
      name: "cnfs_taches_en_attente",
      help: "Travaux en attente ou en cours, par tâche",
      labelNames: ["tache"] as const,
      registers: [registre],
    }),
    tachesMisesDeCote: new client.Gauge({
      name: "cnfs_taches_mises_de_cote",
      help: "Travaux échoués après toutes leurs tentatives, par tâche",
      labelNames: ["tache"] as const,
      registers: [registre],
    }),
    reussite: new client.Gauge({
      name: "cnfs_taches_derniere_reussite_horodatage",
      help: "Dernière réussite de chaque tâche, en secondes depuis 1970 (0 : jamais)",
      labelNames: ["tache"] as const,
      registers: [registre],
    }),
    echec: new client.Gauge({
      name: "cnfs_taches_dernier_echec_horodatage",
      help: "Dernier échec de chaque tâche, en secondes depuis 1970 (0 : jamais)",
      labelNames: ["tache"] as const,
      registers: [registre],
    }),
  };

  app.get(
    "/metrics",
    { config: { acces: "public" }, schema: { hide: true } },
    async (requete, reponse) => {
      if (!autorise(requete, ctx))
        return refuser(
          reponse,
          interdit(
            "Les mesures ne se lisent que depuis une adresse autorisée ou avec le jeton.",
            "",
          ),
        );
      const pool = ctx.pool;
      if (pool) {
        connexions.set({ etat: "total" }, pool.totalCount);
        connexions.set({ etat: "libres" }, pool.idleCount);
        connexions.set({ etat: "en_attente" }, pool.waitingCount);
      }
      const m = await mesurer(ctx);
      mesures.courriels.set(m.courrielsEnEchec);
      mesures.compteurs.set(m.compteursEnAttente.nombre);
      mesures.ageCompteurs.set(m.compteursEnAttente.plusAncienSecondes ?? 0);
      for (const t of m.taches) {
        mesures.tachesEnAttente.set({ tache: t.nom }, t.enAttente);
        mesures.tachesMisesDeCote.set({ tache: t.nom }, t.misDeCote);
        mesures.reussite.set({ tache: t.nom }, secondes(t.derniereReussite));
        mesures.echec.set({ tache: t.nom }, secondes(t.dernierEchec?.le));
      }
      return reponse.type(registre.contentType).send(await registre.metrics());
    },
  );

  app.get(
    "/api/sante/detail",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: ["Supervision"],
        summary:
          "Les contrôles de /metrics pour l'ANCT : courriels en échec, compteurs de CRA en attente, tâches périodiques",
        response: { 200: mesuresSchema },
      },
    },
    async () => mesurer(ctx),
  );
}
