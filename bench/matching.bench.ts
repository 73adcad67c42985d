import { and, count, eq, isNotNull } from "drizzle-orm";
import { territoireDeMatching } from "../src/domain/recrutement/matching.ts";
import { candidature, structure } from "../src/server/db/schema.ts";
import { creerHasard } from "../src/server/demo/hasard.ts";
import {
  compterVivier,
  type OrigineVivier,
  PLAFOND_COMPTE_VIVIER,
  rechercherVivier,
} from "../src/server/recrutement/vivier-queries.ts";
import { baseNationale } from "./base.ts";
import { chronometrer, type ResultatBench } from "./mesure.ts";

/**
 * One structure's pool (first page and total, nearest first) among 100,000 candidates.
 * Platform, as the route does it: the total counted through the index of the candidates' reach
 * and capped, then the page walked nearest first on the GiST index of their points (ADR 018). Baseline: the distance computed for every available
 * candidate, then filtered and sorted (what a query without the index does).
 * Page and total compared in full for 50 structures. BENCH_BASE_CHARGEE reuses a loaded base.
 */
export default async function matching(): Promise<ResultatBench> {
  const base = await baseNationale(0);
  try {
    const [n] = await base.db.select({ n: count() }).from(candidature);
    if ((n?.n ?? 0) < 100_000) throw new Error(`${n?.n} candidats seulement`);
    const structures = await base.db
      .select()
      .from(structure)
      .where(and(isNotNull(structure.latitude), eq(structure.typeJuridique, "commune")))
      .limit(500);
    const h = creerHasard(7);
    const origines: OrigineVivier[] = structures.map((s) => ({
      structureId: s.id,
      latitude: s.latitude!,
      longitude: s.longitude!,
      territoire: territoireDeMatching(s.departementCode),
      echeanceDisponibilite: "2026-11-24",
    }));
    const suivante = () => h.choisir(origines);

    const h2 = creerHasard(11);
    const plateforme = async (o: OrigineVivier, page = h2.entier(1, 3)) => {
      const compte = await compterVivier(base.db, o, {});
      return { compte, candidats: await rechercherVivier(base.db, o, { page }, { compte }) };
    };
    // The naive page and an uncapped count, every distance computed.
    const naif = async (o: OrigineVivier, page = h2.entier(1, 3)) => ({
      n: (await compterVivier(base.db, o, {}, { plafond: Number.MAX_SAFE_INTEGER, indexe: false }))
        .total,
      candidats: await rechercherVivier(base.db, o, { page }, { indexe: false }),
    });
    let identique = true;
    let plafonnes = 0;
    for (const o of origines.slice(0, 50))
      for (const page of [1, 2, 5]) {
        const a = await plateforme(o, page);
        const b = await naif(o, page);
        const totalJuste = a.compte.auMoins
          ? b.n > PLAFOND_COMPTE_VIVIER && a.compte.total === PLAFOND_COMPTE_VIVIER
          : a.compte.total === b.n;
        if (a.compte.auMoins) plafonnes++;
        if (!totalJuste || JSON.stringify(a.candidats) !== JSON.stringify(b.candidats)) {
          identique = false;
          console.error(`écart : structure ${o.structureId}, page ${page}`);
        }
      }
    await chronometrer(20, () => plateforme(suivante()));
    const mesures = await chronometrer(300, () => plateforme(suivante()));
    await chronometrer(5, () => naif(suivante()));
    const mesuresBase = await chronometrer(50, () => naif(suivante()));
    return {
      mesures,
      mesuresBase,
      identique,
      details: `echantillons=${mesures.length}/${mesuresBase.length} comparaisons=150 totaux_plafonnes=${plafonnes}`,
    };
  } finally {
    await base.fermer();
  }
}
