import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { lieuStandardSchema } from "../src/domain/lieux/import-standard.ts";
import { scoreMemeLieu } from "../src/domain/lieux/lieu.ts";
import {
  ajouterOuFusionner,
  comparable,
  importerLieux,
  type Pret,
  SEUIL_MEME_SOURCE,
} from "../src/server/carte/import-lieux.ts";
import {
  type CommuneSource,
  communesSources,
  lieuAleatoire,
  tirageParPopulation,
} from "../src/server/demo/echelle-nationale.ts";
import { creerHasard } from "../src/server/demo/hasard.ts";
import { acteurSysteme } from "../src/server/infra/journal.ts";
import { baseDeBench, plateformeDeBench } from "./base.ts";
import { centile, type ResultatBench } from "./mesure.ts";

const LIGNES = 31_000;
const DOUBLONS = 1_000;
const ECHANTILLON = 6_000;
/** The health route reads the database; the sign-in options route does not (event loop only). */
const SANTE = "/api/sante";
const SANS_BASE = "/api/auth/config";

/** A national places file in the standard's shape: places of the generator, some written twice. */
function fichierNational(communes: CommuneSource[]): Record<string, unknown>[] {
  const h = creerHasard(31);
  const lignes: Record<string, unknown>[] = [];
  const parCode = new Map(communes.map((c) => [c.code, c]));
  const commune = tirageParPopulation(h, communes);
  for (let i = 0; i < LIGNES - DOUBLONS; i++) {
    const l = lieuAleatoire(h, commune(), i);
    lignes.push({
      id: `l${i}`,
      pivot: l.pivot,
      nom: l.nom,
      commune: parCode.get(l.communeCode)!.nom,
      code_postal: l.codePostal,
      code_insee: l.communeCode,
      adresse: l.adresse,
      latitude: l.latitude,
      longitude: l.longitude,
      services: l.services.join("|"),
      frais_a_charge: l.fraisACharge.join("|"),
      date_maj: l.dateMaj,
    });
  }
  // The same place from another producer: upper case, a few metres away, newer.
  for (let i = 0; i < DOUBLONS; i++) {
    // Twins of the first rows: the side-by-side sample holds both members of each pair.
    const o = lignes[h.entier(0, ECHANTILLON - DOUBLONS - 1)]!;
    lignes.push({
      ...o,
      id: `d${i}`,
      nom: String(o.nom).toUpperCase(),
      latitude: (o.latitude as number) + 0.00005,
      date_maj: "2026-10-15",
    });
  }
  return lignes;
}

/** What the import did before: every row compared with every place already kept. */
function doublonsParPaires(prets: Pret[]): number {
  const gardes: Pret[] = [];
  let doublons = 0;
  for (const p of prets) {
    const jumeau = gardes.find(
      (g) => scoreMemeLieu(comparable(g), comparable(p)) >= SEUIL_MEME_SOURCE,
    );
    if (jumeau) doublons++;
    else gardes.push(p);
  }
  return doublons;
}

function doublonsParCommune(prets: Pret[]): number {
  const blocs = new Map<string, Pret[]>();
  return prets.filter((p) => ajouterOuFusionner(blocs, { ...p })).length;
}

/**
 * A 31,000-row national places file imported on PGlite while another process asks `/api/sante`
 * (database) and `/api/auth/config` (event loop only) every 20 ms: import time, and both routes'
 * latency during it. Duplicate search side by
 * side on a 6,000-row sample: the all-pairs search the import used vs the search by commune
 * (same count required); the whole import must create every distinct place and merge the twins.
 */
export default async function importLieux(): Promise<ResultatBench> {
  // PGlite by default (the target's database: one connection); BENCH_PGLITE=0 for the server.
  const base = await baseDeBench({ pglite: process.env.BENCH_PGLITE !== "0" });
  const plateforme = await plateformeDeBench(base);
  try {
    const communes = await communesSources(base.db);
    const lignes = fichierNational(communes);
    const parCode = new Map(communes.map((c) => [c.code, c]));
    const echantillon = [...lignes.slice(0, ECHANTILLON - DOUBLONS), ...lignes.slice(-DOUBLONS)];
    const prets: Pret[] = echantillon.map((l, i) => {
      const c = parCode.get(String(l.code_insee))!;
      return {
        ligne: i + 1,
        lieu: lieuStandardSchema.parse(l),
        communeCode: c.code,
        departementCode: c.departementCode,
        regionCode: c.regionCode,
        cles: [{ source: "", id: String(l.id) }],
      };
    });
    const debutBase = performance.now();
    const attendus = doublonsParPaires(prets);
    const mesureBase = performance.now() - debutBase;
    const debutBloc = performance.now();
    const trouves = doublonsParCommune(prets);
    const mesureBloc = performance.now() - debutBloc;

    await plateforme.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = plateforme.app.server.address() as { port: number };
    const sonde = fork(
      fileURLToPath(new URL("./sonde-sante.ts", import.meta.url)),
      [`http://127.0.0.1:${port}`, SANTE, SANS_BASE],
      { execArgv: ["--import", "tsx"] },
    );
    await new Promise((ok) => setTimeout(ok, 1_000));
    const debut = performance.now();
    const rapport = await importerLieux(base.db, {
      lignes,
      appliquer: true,
      acteur: acteurSysteme("import:bench-lieux.csv", "import"),
    });
    const duree = performance.now() - debut;
    sonde.send("stop");
    const [latences] = (await once(sonde, "message")) as [Record<string, number[]>];
    const sante = latences[SANTE]!;
    const sansBase = latences[SANS_BASE]!;
    const identique =
      trouves === attendus &&
      rapport.applique &&
      rapport.rejetees.length === 0 &&
      rapport.doublonsDuFichier >= DOUBLONS &&
      rapport.creees + rapport.doublonsDuFichier === LIGNES;
    return {
      mesures: [mesureBloc],
      mesuresBase: [mesureBase],
      identique,
      details: `import_${LIGNES}_lignes=${(duree / 1000).toFixed(1)}s base=${base.type} sante_p50=${centile(sante, 50).toFixed(1)}ms sante_p99=${centile(sante, 99).toFixed(1)}ms sante_max=${Math.max(...sante).toFixed(0)}ms sans_base_p99=${centile(sansBase, 99).toFixed(1)}ms sans_base_max=${Math.max(...sansBase).toFixed(0)}ms sondes=${sante.length} creees=${rapport.creees} doublons=${rapport.doublonsDuFichier} echantillon=${ECHANTILLON} doublons_echantillon=${trouves}/${attendus}`,
    };
  } finally {
    await plateforme.arreter();
    await base.fermer();
  }
}
