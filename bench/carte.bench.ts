import { sql } from "drizzle-orm";
import { empriseAlignee, rechercheProximiteSchema } from "../src/domain/lieux/carte.ts";
import { distanceKm } from "../src/domain/recrutement/matching.ts";
import { lieuxProchesDuPoint } from "../src/server/carte/carte-queries.ts";
import { lignes } from "../src/server/db/client.ts";
import { genererEchelleNationale } from "../src/server/demo/echelle-nationale.ts";
import { creerHasard } from "../src/server/demo/hasard.ts";
import { baseDeBench, baseNationale, horlogeBench, plateformeDeBench } from "./base.ts";
import { chargerEnParallele } from "./charge-http.ts";
import { chronometrer, type ResultatBench } from "./mesure.ts";

/** 20,000 by default; BENCH_LIEUX=200000 for the tenfold case. */
const LIEUX = Number(process.env.BENCH_LIEUX ?? 20_000);
const SERVICE = "Aide aux démarches administratives";

/**
 * The public map on 20,000 places. `proximite`: the 10 nearest places with a service filter,
 * inside the server (GiST, nearest first) against the same SQL without the index (every
 * distance computed, then sorted); the ids compared with answers computed before timing. `territoires` and `points`: the two
 * endpoints the map calls, under autocannon (50 connections, own process), with their cache
 * against the same platform without it; every answer compared in full. The line prints both
 * throughputs and the first national answer's size as a browser receives it (brotli).
 */
async function ecouter(p: Awaited<ReturnType<typeof plateformeDeBench>>): Promise<string> {
  await p.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = p.app.server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

export default async function carte(): Promise<Record<string, ResultatBench>> {
  // A loaded national base (BENCH_BASE_CHARGEE) already holds its places.
  const chargee = Boolean(process.env.BENCH_BASE_CHARGEE);
  const base = chargee
    ? await baseNationale(0)
    : await baseDeBench({ pglite: process.env.BENCH_PGLITE === "1" });
  const plateforme = await plateformeDeBench(base, { LIMITES_EXEMPTES: "127.0.0.1" });
  try {
    if (!chargee)
      await genererEchelleNationale(base.db, {
        volumes: { structures: 300, conseillers: 300, candidats: 0, lieux: LIEUX, cras: 0 },
      });
    const tous = await lignes<{
      id: string;
      latitude: number;
      longitude: number;
      services: string[];
    }>(
      base.db,
      sql`select id, latitude, longitude, services from lieu
          where visible_carte and latitude is not null and longitude is not null`,
    );
    const h = creerHasard(7);
    const points = Array.from({ length: 300 }, () => {
      const l = tous[h.entier(0, tous.length - 1)]!;
      return {
        latitude: l.latitude + h.entier(-200, 200) / 1000,
        longitude: l.longitude + h.entier(-200, 200) / 1000,
      };
    });
    const recherche = (p: { latitude: number; longitude: number }) =>
      rechercheProximiteSchema.parse({
        lat: p.latitude,
        lon: p.longitude,
        rayon: 50,
        limite: 10,
        services: SERVICE,
      });
    const maintenant = horlogeBench();

    // The expected answers, computed before the timed loop: it times the platform's work only.
    const attendus = points.map((p) =>
      tous
        .filter((l) => l.services.includes(SERVICE))
        .map((l) => ({ id: l.id, d: distanceKm(p, l) }))
        .filter((l) => l.d <= 50)
        .sort((a, b) => a.d - b.d)
        .slice(0, 10)
        .map((l) => l.id)
        .join(),
    );
    const obtenus: string[] = [];
    let i = 0;
    const proches = () => {
      const p = points[i++ % points.length]!;
      return lieuxProchesDuPoint(base.db, recherche(p), maintenant);
    };
    await chronometrer(20, proches);
    i = 0;
    const mesures = await chronometrer(points.length, async () => {
      obtenus.push((await proches()).lieux.map((l) => l.id).join());
    });
    const identique = obtenus.every((o, k) => o === attendus[k]);
    // Baseline: the same question in SQL as one would write it without the GiST index, every
    // place's distance computed, then sorted.
    let j = 0;
    const mesuresBase = await chronometrer(points.length, async () => {
      const p = points[j++ % points.length]!;
      await lignes<{ id: string }>(
        base.db,
        sql`select id from lieu
            where visible_carte and latitude is not null and ${SERVICE} = any(services)
              and distance_m(latitude, longitude, ${p.latitude}, ${p.longitude}) <= 50000
            order by distance_m(latitude, longitude, ${p.latitude}, ${p.longitude}), id
            limit 10`,
      );
    });

    // The endpoints the map calls as it opens and moves: the cached platform against the same
    // platform without cache (the same SQL at every request), on the same base, one after the
    // other under the same load.
    const sansCache = await plateformeDeBench(base, {
      LIMITES_EXEMPTES: "127.0.0.1",
      CARTE_CACHE_SECONDES: "0",
    });
    try {
      const url = await ecouter(plateforme);
      const urlSansCache = await ecouter(sansCache);
      // What a screen shows at the first zoom with points (10): about 1.2° by 0.8°, widened to
      // the grid the map's requests snap to.
      const emprises = points
        .slice(0, 50)
        .map((p) =>
          empriseAlignee(p.longitude - 0.6, p.latitude - 0.4, p.longitude + 0.6, p.latitude + 0.4),
        );
      const resultats: Record<string, ResultatBench> = {
        proximite: { mesures, mesuresBase, identique },
      };
      for (const [nom, chemins] of [
        ["territoires", ["/api/v1/carte/territoires"]],
        ["points", emprises.map((e) => `/api/v1/carte/points?emprise=${e}`)],
      ] as const) {
        const requetes = chemins.map((path) => ({
          method: "GET" as const,
          path,
          headers: { "accept-encoding": "br, gzip" },
        }));
        // Every answer compared in full, cached against computed.
        let pareilles = true;
        for (const chemin of chemins) {
          const [a, b] = await Promise.all([
            fetch(url + chemin).then((r) => r.json()),
            fetch(urlSansCache + chemin).then((r) => r.json()),
          ]);
          if (JSON.stringify(a) !== JSON.stringify(b)) pareilles = false;
        }
        await chargerEnParallele({ url, connexions: 50, total: 2_000, requetes });
        const charge = await chargerEnParallele({ url, connexions: 50, total: 50_000, requetes });
        await chargerEnParallele({ url: urlSansCache, connexions: 50, total: 500, requetes });
        const base = await chargerEnParallele({
          url: urlSansCache,
          connexions: 50,
          total: 5_000,
          requetes,
        });
        const premier = await fetch(url + chemins[0], {
          headers: { "accept-encoding": "br" },
        }).then(async (r) => Buffer.from(await r.arrayBuffer()).length);
        resultats[nom] = {
          mesures: charge.latences,
          mesuresBase: base.latences,
          identique: pareilles && charge.erreurs + charge.non2xx + base.erreurs + base.non2xx === 0,
          details: `debit=${Math.round(charge.parSeconde)}/s debit_sans_cache=${Math.round(base.parSeconde)}/s echantillons=${charge.latences.length}/${base.latences.length} echecs=${charge.erreurs + charge.non2xx} premiere_reponse_br=${(premier / 1024).toFixed(1)}Ko lieux=${tous.length}`,
        };
      }
      return resultats;
    } finally {
      await sansCache.arreter();
    }
  } finally {
    await plateforme.arreter();
    await base.fermer();
  }
}
