import { sql } from "drizzle-orm";
import type { EtatTache } from "../../domain/taches.ts";
import type { Contexte } from "../contexte.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { compterCourriels } from "../notifications/index.ts";
import { etatDeLaFile, TACHES } from "../taches/index.ts";

/** What the service's health is read from, the same for /metrics and /api/sante/detail. */
export type Mesures = {
  courrielsEnEchec: number;
  /** CRA counters not yet folded into the roll-ups, and the age of the oldest (seconds). */
  compteursEnAttente: { nombre: number; plusAncienSecondes: number | null };
  taches: EtatTache[];
};

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
