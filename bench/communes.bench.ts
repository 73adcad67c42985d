import { sql } from "drizzle-orm";
import { nomCommuneNormalise } from "../src/domain/texte.ts";
import { lignes } from "../src/server/db/client.ts";
import { creerHasard } from "../src/server/demo/hasard.ts";
import { rechercherCommunes } from "../src/server/referentiel/communes.ts";
import { baseDeBench } from "./base.ts";
import { chronometrer, type ResultatBench } from "./mesure.ts";

const SUGGESTIONS = 10;

/**
 * Commune suggestions as a person types (2 to 8 first letters of a real name, in lower case
 * without accents, or a postcode) over the 35,000 communes of the reference. Platform: the
 * trigram index on the normalised name. Baseline: the same ranking computed by reading every
 * commune (an `ilike`-style scan, no index): exact name, then names starting with the text by
 * population, then similar names. The two lists must be equal for every query.
 */
export default async function communes(): Promise<ResultatBench> {
  const base = await baseDeBench({ pglite: process.env.BENCH_PGLITE === "1" });
  try {
    const toutes = await lignes<{ nom: string; codes_postaux: string[] }>(
      base.db,
      sql`select nom, codes_postaux from commune where type = 'commune-actuelle'`,
    );
    const h = creerHasard(35);
    const saisies = Array.from({ length: 300 }, (_, i) => {
      const c = h.choisir(toutes);
      if (i % 5 === 0) return c.codes_postaux[0] ?? "75001";
      const n = nomCommuneNormalise(c.nom);
      return n.slice(0, h.entier(2, Math.min(8, n.length)));
    });
    const naive = async (q: string) => {
      if (/^\d{2,5}$/.test(q))
        return rechercherCommunes(base.db, q, SUGGESTIONS).then((r) => r.map((c) => c.code));
      const n = nomCommuneNormalise(q);
      // The expressions hide the column from the planner: every commune is read and scored.
      const debut = sql`((c.nom_normalise || '') like ${`${n}%`} or c.code = ${q.toUpperCase()})`;
      const lus = await lignes<{ code: string }>(
        base.db,
        sql`select c.code from commune c
            where ${debut}
               or (${n.length >= 3} and similarity(c.nom_normalise || '', ${n}) > 0.3)
            order by (c.nom_normalise = ${n}) desc, ${debut} desc,
              case when ${debut} then 0 else similarity(c.nom_normalise, ${n}) end desc,
              c.population desc nulls last, c.code
            limit ${SUGGESTIONS}`,
      );
      return lus.map((l) => l.code);
    };
    let identique = true;
    const ecarts: string[] = [];
    for (const q of saisies) {
      const a = (await rechercherCommunes(base.db, q, SUGGESTIONS)).map((c) => c.code);
      const b = await naive(q);
      if (a.length === 0 || JSON.stringify(a) !== JSON.stringify(b)) {
        identique = false;
        ecarts.push(q);
      }
    }
    let i = 0;
    const suivante = () => saisies[i++ % saisies.length]!;
    await chronometrer(50, () => rechercherCommunes(base.db, suivante(), SUGGESTIONS));
    const mesures = await chronometrer(600, () =>
      rechercherCommunes(base.db, suivante(), SUGGESTIONS),
    );
    const noms = saisies.filter((q) => !/^\d/.test(q));
    let j = 0;
    await chronometrer(5, () => naive(noms[j++ % noms.length]!));
    const mesuresBase = await chronometrer(60, () => naive(noms[j++ % noms.length]!));
    return {
      mesures,
      mesuresBase,
      identique,
      details: `base=${base.type} communes=${toutes.length} saisies=${saisies.length}${ecarts.length ? ` ecarts=${ecarts.slice(0, 5).join("|")}` : ""}`,
    };
  } finally {
    await base.fermer();
  }
}
