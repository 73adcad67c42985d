import { and, eq, isNull, sql } from "drizzle-orm";
import { verifierRollups } from "../src/server/activite/rollups.ts";
import { ouvrirSession } from "../src/server/auth/sessions.ts";
import { lireConfig } from "../src/server/config.ts";
import { lignes } from "../src/server/db/client.ts";
import { lieuConseiller } from "../src/server/db/schema.ts";
import { demarrerPlateforme } from "../src/server/demarrage.ts";
import { genererEchelleNationale } from "../src/server/demo/echelle-nationale.ts";
import { baseDeBench } from "./base.ts";
import type { ResultatBench } from "./mesure.ts";

const ECRIVAINS = 50;
const PAR_ECRIVAIN = 40;

/**
 * Recording a report over HTTP with 50 conseillers writing at once (each CRA updates its
 * roll-ups in its transaction): latency per request. Baseline: the same requests one at a
 * time. "identical" means the roll-ups match the raw reports afterwards (cnfs doctor).
 */
export default async function saisieCra(): Promise<ResultatBench> {
  const base = await baseDeBench({ pglite: process.env.BENCH_PGLITE === "1" });
  const plateforme = await demarrerPlateforme(
    lireConfig({ NODE_ENV: "test", CNFS_DEMO: "0", LOG_LEVEL: "silent" }),
    { base },
  );
  try {
    await genererEchelleNationale(base.db, {
      volumes: { structures: 300, conseillers: ECRIVAINS, candidats: 0, lieux: 300, cras: 0 },
    });
    await plateforme.app.listen({ port: 0, host: "127.0.0.1" });
    const adresse = plateforme.app.server.address() as { port: number };
    const url = `http://127.0.0.1:${adresse.port}`;
    const conseillers = await lignes<{ id: string; lieu_id: string }>(
      base.db,
      sql`select conseiller_id as id, lieu_id from lieu_conseiller
          where nature = 'principal' and fin is null limit ${ECRIVAINS}`,
    );
    const cookies = await Promise.all(
      conseillers.map(async (c) => {
        const valeur = await ouvrirSession(base.db, {
          utilisateurId: c.id,
          methode: "bench",
          maintenant: new Date(),
        });
        return `cnfs_session=${valeur}`;
      }),
    );
    const aujourdhui = new Date().toISOString().slice(0, 10);
    // The national generator's places start in 2021; the reports land on them.
    await base.db
      .update(lieuConseiller)
      .set({ debut: "2021-06-01" })
      .where(and(eq(lieuConseiller.nature, "principal"), isNull(lieuConseiller.fin)));
    const envoyer = async (i: number, n: number) => {
      const debut = performance.now();
      const r = await fetch(`${url}/api/cra`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies[i]!, origin: url },
        body: JSON.stringify({
          type: n % 3 === 0 ? "collectif" : "individuel",
          date: aujourdhui,
          dureeMinutes: 30 + (n % 4) * 15,
          typeLieu: "lieu_activite",
          lieuId: conseillers[i]!.lieu_id,
          nbParticipants: n % 3 === 0 ? 6 : 1,
          thematiques: ["email", n % 2 ? "sante" : "bureautique"],
        }),
      });
      if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`);
      return performance.now() - debut;
    };
    const mesuresBase: number[] = [];
    for (let n = 0; n < 100; n++) mesuresBase.push(await envoyer(n % ECRIVAINS, n));
    const mesures = (
      await Promise.all(
        conseillers.map(async (_, i) => {
          const durees: number[] = [];
          for (let n = 0; n < PAR_ECRIVAIN; n++) durees.push(await envoyer(i, n));
          return durees;
        }),
      )
    ).flat();
    const identique = (await verifierRollups(base.db)).length === 0;
    return { mesures, mesuresBase, identique };
  } finally {
    await plateforme.arreter();
    await base.fermer();
  }
}
