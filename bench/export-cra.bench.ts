import { createHash } from "node:crypto";
import { count, sql } from "drizzle-orm";
import { COLONNES_EXPORT_CRA, selectionCra } from "../src/server/activite/export-cra.ts";
import { ouvrirSession } from "../src/server/auth/sessions.ts";
import { cra, habilitation, utilisateur } from "../src/server/db/schema.ts";
import { genererEchelleNationale } from "../src/server/demo/echelle-nationale.ts";
import { versCsv } from "../src/server/infra/export.ts";
import { baseDeBench, horlogeBench, plateformeDeBench } from "./base.ts";
import { avecMemoire, type ResultatBench } from "./mesure.ts";

/** 1 million reports on PostgreSQL (issue 5), 200,000 on PGlite unless BENCH_CRA says. */
const VOLUME = Number(
  process.env.BENCH_CRA ?? (process.env.BENCH_PGLITE === "1" ? 200_000 : 1_000_000),
);

/**
 * Runs `fn` while sampling the heap: its duration and the peak of live memory above the start
 * (with `--expose-gc`, each sample collects first, so garbage not yet swept does not count).
 */
/**
 * The national CRA export over HTTP, streamed in keyset batches, read by a client that hashes
 * what arrives; baseline: the naive export that loads every row, then writes the CSV (what a
 * non-streamed export does). Both must produce the same bytes; the line prints the heap peak
 * of each (`npm run bench -- export-cra` passes `--expose-gc`).
 */
export default async function exportCra(): Promise<ResultatBench> {
  const base = await baseDeBench({ pglite: process.env.BENCH_PGLITE === "1" });
  const plateforme = await plateformeDeBench(base);
  try {
    await genererEchelleNationale(base.db, { volumes: { cras: VOLUME } });
    const [n] = await base.db.select({ n: count() }).from(cra);
    const [admin] = await base.db
      .insert(utilisateur)
      .values({ email: "admin.bench@anct.gouv.fr", prenom: "Admin", nom: "Bench" })
      .returning();
    await base.db
      .insert(habilitation)
      .values({ utilisateurId: admin!.id, role: "admin", perimetre: { type: "national" } });
    const cookie = `cnfs_session=${await ouvrirSession(base.db, {
      utilisateurId: admin!.id,
      methode: "bench",
      maintenant: horlogeBench(),
    })}`;
    await plateforme.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = plateforme.app.server.address() as { port: number };

    const flux = await avecMemoire(async () => {
      const r = await fetch(`http://127.0.0.1:${port}/api/exports-cra?format=csv`, {
        headers: { cookie },
      });
      if (r.status !== 200) throw new Error(`${r.status} ${await r.text()}`);
      const empreinte = createHash("sha256");
      let octets = 0;
      for await (const morceau of r.body as unknown as AsyncIterable<Uint8Array>) {
        empreinte.update(morceau);
        octets += morceau.length;
      }
      return { empreinte: empreinte.digest("hex"), octets };
    });
    const naif = await avecMemoire(async () => {
      const lignes = await selectionCra(base.db, sql`true`);
      const csv = versCsv(COLONNES_EXPORT_CRA, lignes);
      return { empreinte: createHash("sha256").update(csv).digest("hex"), octets: csv.length };
    });
    return {
      mesures: [flux.duree],
      mesuresBase: [naif.duree],
      identique: flux.valeur.empreinte === naif.valeur.empreinte,
      details: `cra=${n?.n} octets=${flux.valeur.octets} tas_flux=${flux.picMo.toFixed(0)}Mo tas_naif=${naif.picMo.toFixed(0)}Mo`,
    };
  } finally {
    await plateforme.arreter();
    await base.fermer();
  }
}
