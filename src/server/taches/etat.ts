import { sql } from "drizzle-orm";
import type { EtatTache } from "../../domain/taches.ts";
import { type Executeur, lignes } from "../db/client.ts";
import type { Tache } from "./catalogue.ts";
import { fileDesEchecs, SCHEMA_FILE } from "./file-de-taches.ts";

type Ligne = {
  name: string;
  reussite: string | null;
  echec_le: string | null;
  erreur: string | null;
  attente: number;
};

/**
 * The state of each task read from the queue's own tables (its history, kept 14 days): the
 * last success and failure, what waits, what was set aside. Before any worker has started, the
 * queue's schema does not exist yet: every task shows that it never ran.
 */
export async function etatDeLaFile(db: Executeur, taches: readonly Tache[]): Promise<EtatTache[]> {
  const noms = taches.flatMap((t) => [t.nom, fileDesEchecs(t.nom)]);
  const [schema] = await lignes<{ existe: boolean }>(
    db,
    sql`select exists (select 1 from information_schema.schemata where schema_name = ${SCHEMA_FILE}) as existe`,
  );
  const parNom = new Map<string, Ligne>();
  if (schema?.existe) {
    const tables = sql.raw(
      `(select name, state, completed_on, output from ${SCHEMA_FILE}.job
        union all select name, state, completed_on, output from ${SCHEMA_FILE}.archive)`,
    );
    const resultats = await lignes<Ligne>(
      db,
      sql`select j.name,
            max(j.completed_on) filter (where j.state = 'completed')::text as reussite,
            (array_agg(j.completed_on::text order by j.completed_on desc)
              filter (where j.state = 'failed'))[1] as echec_le,
            (array_agg(coalesce(j.output->>'message', j.output::text) order by j.completed_on desc)
              filter (where j.state = 'failed'))[1] as erreur,
            (count(*) filter (where j.state in ('created', 'retry', 'active')))::int as attente
          from ${tables} j
          where j.name = any(${`{${noms.join(",")}}`}::text[])
          group by j.name`,
    );
    for (const r of resultats) parNom.set(r.name, r);
  }
  return taches.map((t) => {
    const l = parNom.get(t.nom);
    return {
      nom: t.nom,
      libelle: t.libelle,
      cron: t.cron,
      derniereReussite: l?.reussite ?? null,
      dernierEchec: l?.echec_le ? { le: l.echec_le, erreur: l.erreur ?? "" } : null,
      enAttente: l?.attente ?? 0,
      misDeCote: parNom.get(fileDesEchecs(t.nom))?.attente ?? 0,
    };
  });
}
