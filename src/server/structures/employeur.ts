import { type SQL, sql } from "drizzle-orm";
import { type Executeur, lignes } from "../db/client.ts";

/**
 * The employer of a conseiller on a date: the structure of the contract that ran that day; for a
 * conseiller recruited before contracts were kept here, the structure of their habilitation.
 */
export const employeurSql = (conseillerId: SQL, jour: SQL) => sql`coalesce(
  (select k.structure_id from contrat k
    where k.utilisateur_id = ${conseillerId} and k.statut in ('actif', 'termine')
      and k.date_debut <= ${jour}
      and coalesce(k.date_fin_effective, k.date_fin, 'infinity'::date) >= ${jour}
    order by k.date_debut desc limit 1),
  (select h.structure_id from habilitation h
    where h.utilisateur_id = ${conseillerId} and h.role = 'conseiller' and h.actif
      and not exists (select 1 from contrat k where k.utilisateur_id = ${conseillerId})
    limit 1))`;

export async function employeurA(
  tx: Executeur,
  conseillerId: string,
  jour: string,
): Promise<string | null> {
  const [r] = await lignes<{ structure_id: string | null }>(
    tx,
    sql`select ${employeurSql(sql`${conseillerId}::uuid`, sql`${jour}::date`)} as structure_id`,
  );
  return r?.structure_id ?? null;
}
