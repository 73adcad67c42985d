import { existsSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { jourParis } from "../src/domain/temps.ts";
import { ouvrirSession } from "../src/server/access/sessions.ts";
import { verifierRollups } from "../src/server/activite/rollups.ts";
import { lignes } from "../src/server/db/client.ts";
import { genererEchelleNationale } from "../src/server/demo/echelle-nationale.ts";
import { baseDeBench, horlogeBench, plateformeDeBench } from "./base.ts";
import { chargerEnParallele, type RequeteCharge } from "./charge-http.ts";
import type { ResultatBench } from "./mesure.ts";

const ECRIVAINS = 50;
const PAR_ECRIVAIN = 200;
const ECHAUFFEMENT = 3_000;
const SEUL = 300;

/**
 * Recording a report over HTTP with 50 conseillers writing at once, each as fast as the server
 * answers (autocannon, 50 connections, in its own process): latency per request. Each CRA
 * updates its roll-ups in its transaction. Baseline: one writer alone. "identical" means every
 * request succeeded and the roll-ups match the raw reports afterwards (cnfs doctor).
 */
export default async function saisieCra(): Promise<ResultatBench> {
  const base = await baseDeBench({ pglite: process.env.BENCH_PGLITE === "1" });
  const plateforme = await plateformeDeBench(base);
  try {
    await genererEchelleNationale(base.db, {
      volumes: { structures: 300, conseillers: ECRIVAINS, candidats: 0, lieux: 300, cras: 0 },
    });
    await plateforme.app.listen({ port: 0, host: "127.0.0.1" });
    const adresse = plateforme.app.server.address() as { port: number };
    const url = `http://127.0.0.1:${adresse.port}`;
    // Each conseiller reports on a day of their own contract, never after the bench's "today".
    const conseillers = await lignes<{ id: string; lieu_id: string; jour: string }>(
      base.db,
      sql`select l.conseiller_id as id, l.lieu_id,
                 to_char(least(k.date_debut + 30, ${jourParis(horlogeBench())}::date), 'YYYY-MM-DD')
                   as jour
          from lieu_conseiller l
          join contrat k on k.utilisateur_id = l.conseiller_id and k.statut = 'actif'
          where l.nature = 'principal' and l.fin is null
          order by l.conseiller_id limit ${ECRIVAINS}`,
    );
    if (conseillers.length < ECRIVAINS)
      throw new Error(`${conseillers.length} conseillers sous contrat, ${ECRIVAINS} attendus`);
    const cookies = await Promise.all(
      conseillers.map(async (c) => {
        const valeur = await ouvrirSession(base.db, {
          utilisateurId: c.id,
          methode: "bench",
          maintenant: horlogeBench(),
        });
        return `cnfs_session=${valeur}`;
      }),
    );
    const requetes: RequeteCharge[] = conseillers.flatMap((c, i) =>
      [0, 1, 2].map((n) => ({
        method: "POST" as const,
        path: "/api/cra",
        headers: { "content-type": "application/json", cookie: cookies[i]!, origin: url },
        body: JSON.stringify({
          type: n === 0 ? "collectif" : "individuel",
          date: c.jour,
          dureeMinutes: 30 + n * 15,
          typeLieu: "lieu_activite",
          lieuId: c.lieu_id,
          nbParticipants: n === 0 ? 6 : 1,
          thematiques: ["email", n === 1 ? "sante" : "bureautique"],
        }),
      })),
    );
    // Warm-up (JIT, plans, pool), then one writer alone, then fifty at once.
    await chargerEnParallele({ url, connexions: ECRIVAINS, total: ECHAUFFEMENT, requetes });
    const seul = await chargerEnParallele({ url, connexions: 1, total: SEUL, requetes });
    // CPU time per report, the server's process and the database's: a figure that survives a
    // noisier machine better than a throughput.
    const pids = await processusPostgres(base);
    const [nodeAvant, pgAvant] = [process.cpuUsage(), tempsCpuMs(pids)];
    const saturation = await chargerEnParallele({
      url,
      connexions: ECRIVAINS,
      total: ECRIVAINS * PAR_ECRIVAIN,
      requetes,
    });
    const node = process.cpuUsage(nodeAvant);
    const cpuNode = (node.user + node.system) / 1000 / (ECRIVAINS * PAR_ECRIVAIN);
    const cpuPg = pids.length > 0 ? (tempsCpuMs(pids) - pgAvant) / (ECRIVAINS * PAR_ECRIVAIN) : 0;
    const echecs = [seul, saturation].reduce((t, r) => t + r.erreurs + r.non2xx, 0);
    const [{ n }] = (await lignes<{ n: number }>(
      base.db,
      sql`select count(*)::int as n from cra`,
    )) as [{ n: number }];
    const identique =
      echecs === 0 &&
      n === ECHAUFFEMENT + SEUL + ECRIVAINS * PAR_ECRIVAIN &&
      (await verifierRollups(base.db)).length === 0;
    return {
      mesures: saturation.latences,
      mesuresBase: seul.latences,
      identique,
      details: `debit=${Math.round(saturation.parSeconde)}/s echecs=${echecs} cra=${n} cpu_node=${cpuNode.toFixed(2)}ms/cra cpu_postgres=${pids.length > 0 ? `${cpuPg.toFixed(2)}ms/cra` : "dans_node"}`,
    };
  } finally {
    await plateforme.arreter();
    await base.fermer();
  }
}

/** The server's backends of the bench database, when PostgreSQL runs on this machine. */
async function processusPostgres(base: Awaited<ReturnType<typeof baseDeBench>>) {
  if (base.type !== "postgresql") return [];
  const lus = await lignes<{ pid: number }>(
    base.db,
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  return lus.map((l) => l.pid).filter((pid) => existsSync(`/proc/${pid}/stat`));
}

/** User and system time of processes, in ms, from /proc (clock ticks of 10 ms). */
function tempsCpuMs(pids: number[]): number {
  return pids.reduce((total, pid) => {
    try {
      const champs = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return total + (Number(champs[11]) + Number(champs[12])) * 10;
    } catch {
      return total;
    }
  }, 0);
}
