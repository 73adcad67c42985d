import { sql } from "drizzle-orm";
import type { Mesures } from "../../domain/taches.ts";
import type { Contexte } from "../contexte.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { compterCourriels } from "../notifications/index.ts";
import { etatDeLaFile, TACHES } from "../taches/index.ts";

export type { Mesures };

export async function mesurer(ctx: Contexte): Promise<Mesures> {
  const [attente] = await lignes<{ nombre: number; age: number | null }>(
    ctx.db,
    sql`select count(*)::int as nombre,
          -- The database's own clock on both sides: the counters are stamped by it.
          extract(epoch from (now() - min(cree_le)))::float8 as age
        from stat_attente`,
  );
  return {
    courrielsEnEchec: await compterCourriels(ctx.db, { statut: "echec" }),
    compteursEnAttente: {
      nombre: attente?.nombre ?? 0,
      plusAncienSecondes:
        typeof attente?.age === "number" ? Math.max(0, Math.round(attente.age)) : null,
    },
    taches:
      ctx.taches && "etat" in ctx.taches ? ctx.taches.etat() : await etatDeLaFile(ctx.db, TACHES),
  };
}

/** A round trip to the database: the health check fails when it does. */
export async function sonderBase(db: Executeur): Promise<void> {
  await db.execute(sql`select 1`);
}
