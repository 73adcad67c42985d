import { sql } from "drizzle-orm";
import { rechercheProximiteSchema } from "../src/domain/lieux/carte.ts";
import { distanceKm } from "../src/domain/recrutement/matching.ts";
import { lieuxProchesDuPoint } from "../src/server/carte/carte-queries.ts";
import { lignes } from "../src/server/db/client.ts";
import { genererEchelleNationale } from "../src/server/demo/echelle-nationale.ts";
import { creerHasard } from "../src/server/demo/hasard.ts";
import { baseDeBench, horlogeBench, plateformeDeBench } from "./base.ts";
import { chargerEnParallele } from "./charge-http.ts";
import { chronometrer, type ResultatBench } from "./mesure.ts";

const LIEUX = 20_000;
const SERVICE = "Aide aux démarches administratives";

/**
 * The public map on 20,000 places. `proximite`: the 10 nearest places with a service filter,
 * inside the server (GiST, nearest first) against the naive way — read every place and sort by
 * distance in JavaScript — with identical ids. `http`: the public endpoint under autocannon
 * (50 connections, own process), against one client alone. The line also prints the national
 * map's first payload (counts per territory) beside the whole file of places the first national
 * map downloaded.
 */
export default async function carte(): Promise<Record<string, ResultatBench>> {
  const base = await baseDeBench({ pglite: process.env.BENCH_PGLITE === "1" });
  const plateforme = await plateformeDeBench(base, { LIMITES_EXEMPTES: "127.0.0.1" });
  try {
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

    let identique = true;
    let i = 0;
    const mesures = await chronometrer(points.length, async () => {
      const p = points[i++ % points.length]!;
      const r = await lieuxProchesDuPoint(base.db, recherche(p), maintenant);
      const attendu = tous
        .filter((l) => l.services.includes(SERVICE))
        .map((l) => ({ id: l.id, d: distanceKm(p, l) }))
        .filter((l) => l.d <= 50)
        .sort((a, b) => a.d - b.d)
        .slice(0, 10)
        .map((l) => l.id);
      if (r.lieux.map((l) => l.id).join() !== attendu.join()) identique = false;
    });
    let j = 0;
    const mesuresBase = await chronometrer(points.length, async () => {
      const p = points[j++ % points.length]!;
      const lus = await lignes<{
        id: string;
        latitude: number;
        longitude: number;
        services: string[];
      }>(
        base.db,
        sql`select id, latitude, longitude, services from lieu where visible_carte and latitude is not null`,
      );
      lus
        .filter((l) => l.services.includes(SERVICE))
        .map((l) => ({ id: l.id, d: distanceKm(p, l) }))
        .filter((l) => l.d <= 50)
        .sort((a, b) => a.d - b.d)
        .slice(0, 10);
    });

    await plateforme.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = plateforme.app.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}`;
    const requetes = points.slice(0, 100).map((p) => ({
      method: "GET" as const,
      path: `/api/v1/lieux?lat=${p.latitude.toFixed(4)}&lon=${p.longitude.toFixed(4)}&rayon=20&limite=10`,
    }));
    await chargerEnParallele({ url, connexions: 50, total: 3_000, requetes });
    const seul = await chargerEnParallele({ url, connexions: 1, total: 500, requetes });
    const charge = await chargerEnParallele({ url, connexions: 50, total: 20_000, requetes });
    const premier = await fetch(`${url}/api/v1/carte/territoires`).then((r) => r.text());
    const fichierComplet = JSON.stringify(
      await lignes(base.db, sql`select * from lieu where visible_carte`),
    );
    const ko = (s: string) => `${Math.round(Buffer.byteLength(s) / 1024)}Ko`;
    return {
      proximite: { mesures, mesuresBase, identique },
      http: {
        mesures: charge.latences,
        mesuresBase: seul.latences,
        identique: charge.erreurs + charge.non2xx === 0,
        details: `debit=${Math.round(charge.parSeconde)}/s echecs=${charge.erreurs + charge.non2xx} premier_affichage=${ko(premier)} tous_les_lieux=${ko(fichierComplet)}`,
      },
    };
  } finally {
    await plateforme.arreter();
    await base.fermer();
  }
}
