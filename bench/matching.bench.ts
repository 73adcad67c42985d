import { and, count, eq, isNotNull } from "drizzle-orm";
import { territoireDeMatching } from "../src/domain/recrutement/matching.ts";
import { candidature, structure } from "../src/server/db/schema.ts";
import { genererEchelleNationale } from "../src/server/demo/echelle-nationale.ts";
import { creerHasard } from "../src/server/demo/hasard.ts";
import { type OrigineVivier, rechercherVivier } from "../src/server/recrutement/vivier-queries.ts";
import { baseDeBench } from "./base.ts";
import { chronometrer, type ResultatBench } from "./mesure.ts";

/**
 * One structure's pool (first page and total, nearest first) among 100,000 candidates.
 * Platform: the GiST index on each available candidate's reach returns the few candidates
 * whose circle covers the structure. Baseline: the distance computed for every available
 * candidate, then filtered and sorted (what a query without the index does).
 */
export default async function matching(): Promise<ResultatBench> {
  const base = await baseDeBench({ pglite: process.env.BENCH_PGLITE === "1" });
  try {
    await genererEchelleNationale(base.db, { volumes: { cras: 0 } });
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

    let identique = true;
    for (const o of origines.slice(0, 20)) {
      const a = await rechercherVivier(base.db, o, {});
      const b = await rechercherVivier(base.db, o, {}, { indexe: false });
      if (JSON.stringify(a) !== JSON.stringify(b)) identique = false;
    }
    await chronometrer(20, () => rechercherVivier(base.db, suivante(), {}));
    const mesures = await chronometrer(200, () => rechercherVivier(base.db, suivante(), {}));
    await chronometrer(5, () => rechercherVivier(base.db, suivante(), {}, { indexe: false }));
    const mesuresBase = await chronometrer(50, () =>
      rechercherVivier(base.db, suivante(), {}, { indexe: false }),
    );
    return { mesures, mesuresBase, identique };
  } finally {
    await base.fermer();
  }
}
