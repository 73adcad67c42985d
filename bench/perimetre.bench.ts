import { asc, count, eq, inArray } from "drizzle-orm";
import type { SessionChargee } from "../src/server/access/sessions.ts";
import { departement, structure } from "../src/server/db/schema.ts";
import { listerStructuresVisibles } from "../src/server/structures/queries.ts";
import { baseNationale } from "./base.ts";
import { chronometrer, type ResultatBench } from "./mesure.ts";

/**
 * A préfet lists the structures of its département (first page and total) among 15,000.
 * Platform: the scope is a SQL predicate built from the session. Baseline: what the original
 * platform did on every request, list the département's structure ids, then query them back
 * through a large IN list.
 */
export default async function perimetre(): Promise<ResultatBench> {
  const base = await baseNationale(0);
  try {
    const codes = (await base.db.select({ code: departement.code }).from(departement)).map(
      (d) => d.code,
    );
    const session = (code: string): SessionChargee => ({
      idHash: "bench",
      methode: "bench",
      idToken: null,
      utilisateur: {
        id: "00000000-0000-4000-8000-000000000000",
        email: "prefet@bench",
        prenom: "P",
        nom: "B",
      },
      habilitation: { id: "bench", role: "prefet", perimetre: { type: "departement", code } },
    });
    const filtres = { page: 1, parPage: 50 };

    const naif = async (code: string) => {
      const ids = (
        await base.db
          .select({ id: structure.id })
          .from(structure)
          .where(eq(structure.departementCode, code))
      ).map((s) => s.id);
      if (ids.length === 0) return { total: 0, ids: [] as string[] };
      const [total] = await base.db
        .select({ n: count() })
        .from(structure)
        .where(inArray(structure.id, ids));
      const page = await base.db
        .select({ id: structure.id })
        .from(structure)
        .where(inArray(structure.id, ids))
        .orderBy(asc(structure.nom), asc(structure.id))
        .limit(50);
      return { total: total?.n ?? 0, ids: page.map((p) => p.id) };
    };

    let identique = true;
    for (const code of ["62", "59", "75", "13", "974", "2A"]) {
      const a = await listerStructuresVisibles(base.db, session(code), filtres);
      const b = await naif(code);
      if (
        a.total !== b.total ||
        JSON.stringify(a.lignes.map((l) => l.id)) !== JSON.stringify(b.ids)
      )
        identique = false;
    }
    let i = 0;
    const suivant = () => codes[i++ % codes.length]!;
    await chronometrer(20, () => listerStructuresVisibles(base.db, session(suivant()), filtres));
    const mesures = await chronometrer(200, () =>
      listerStructuresVisibles(base.db, session(suivant()), filtres),
    );
    await chronometrer(20, () => naif(suivant()));
    const mesuresBase = await chronometrer(200, () => naif(suivant()));
    return { mesures, mesuresBase, identique };
  } finally {
    await base.fermer();
  }
}
