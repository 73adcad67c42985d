import { createHash } from "node:crypto";
import { and, count, eq, gte, lte, sql } from "drizzle-orm";
import { ouvrirSession } from "../src/server/access/sessions.ts";
import { COLONNES_EXPORT_CRA, selectionCra } from "../src/server/activite/export-cra.ts";
import { lignes } from "../src/server/db/client.ts";
import { cra, habilitation, utilisateur } from "../src/server/db/schema.ts";
import { genererEchelleNationale } from "../src/server/demo/echelle-nationale.ts";
import { versCsv } from "../src/server/infra/export.ts";
import { baseDeBench, baseNationale, horlogeBench, plateformeDeBench } from "./base.ts";
import { avecMemoire, type ResultatBench } from "./mesure.ts";

/** 1 million reports on PostgreSQL (issue 5), 200,000 on PGlite unless BENCH_CRA says. */
const VOLUME = Number(
  process.env.BENCH_CRA ?? (process.env.BENCH_PGLITE === "1" ? 200_000 : 1_000_000),
);

/**
 * The national CRA export over HTTP, streamed in keyset batches, read by a client that hashes
 * what arrives; baseline: the naive export that loads every row, then writes the CSV (what a
 * non-streamed export does). Both must produce the same bytes; the line prints the heap peak
 * of each (`npm run bench -- export-cra` passes `--expose-gc`). On a loaded base
 * (BENCH_BASE_CHARGEE), the export asks for the first period that holds VOLUME reports.
 */
export default async function exportCra(): Promise<ResultatBench> {
  const chargee = Boolean(process.env.BENCH_BASE_CHARGEE);
  const base = chargee
    ? await baseNationale(0)
    : await baseDeBench({ pglite: process.env.BENCH_PGLITE === "1" });
  const plateforme = await plateformeDeBench(base);
  try {
    if (!chargee) await genererEchelleNationale(base.db, { volumes: { cras: VOLUME } });
    // From the first report to the day the VOLUME-th one falls on.
    const [periode] = await lignes<{ du: string; au: string }>(
      base.db,
      sql`select (select min(date) from cra)::text as du, coalesce(
            (select date from (select date, sum(count(*)) over (order by date) as cumul
                               from cra group by date) x
             where cumul >= ${VOLUME} order by date limit 1),
            (select max(date) from cra))::text as au`,
    );
    const dansLaPeriode = and(gte(cra.date, periode!.du), lte(cra.date, periode!.au));
    const [n] = await base.db.select({ n: count() }).from(cra).where(dansLaPeriode);
    // One bench administrator per base: a loaded base keeps it from one run to the next.
    const [admin] = await base.db
      .insert(utilisateur)
      .values({ email: "admin.bench@anct.gouv.fr", prenom: "Admin", nom: "Bench" })
      .onConflictDoUpdate({ target: utilisateur.email, set: { nom: "Bench" } })
      .returning();
    const [deja] = await base.db
      .select({ id: habilitation.id })
      .from(habilitation)
      .where(and(eq(habilitation.utilisateurId, admin!.id), eq(habilitation.role, "admin")));
    if (!deja)
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
      const r = await fetch(
        `http://127.0.0.1:${port}/api/exports-cra?format=csv&du=${periode!.du}&au=${periode!.au}`,
        {
          headers: { cookie },
        },
      );
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
      const rangees = await selectionCra(base.db, dansLaPeriode);
      const csv = versCsv(COLONNES_EXPORT_CRA, rangees);
      return { empreinte: createHash("sha256").update(csv).digest("hex"), octets: csv.length };
    });
    return {
      mesures: [flux.duree],
      mesuresBase: [naif.duree],
      identique: flux.valeur.empreinte === naif.valeur.empreinte,
      details: `cra=${n?.n} periode=${periode!.du}..${periode!.au} octets=${flux.valeur.octets} tas_flux=${flux.picMo.toFixed(0)}Mo tas_naif=${naif.picMo.toFixed(0)}Mo`,
    };
  } finally {
    await plateforme.arreter();
    await base.fermer();
  }
}
