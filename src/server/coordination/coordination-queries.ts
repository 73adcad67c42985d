import { and, count, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { TypeCoordination } from "../../domain/coordination/coordination.ts";
import { type Executeur, lignes, tableauSql } from "../db/client.ts";
import { commune, craCoordination } from "../db/schema.ts";

export const TAILLE_PAGE_COORDINATIONS = 50;

export type FiltresCoordination = {
  type?: TypeCoordination | undefined;
  du?: string | undefined;
  au?: string | undefined;
};

const filtres = (f: FiltresCoordination) => [
  f.type ? eq(craCoordination.type, f.type) : undefined,
  f.du ? gte(craCoordination.date, f.du) : undefined,
  f.au ? lte(craCoordination.date, f.au) : undefined,
];

const colonnesLigne = {
  id: craCoordination.id,
  type: craCoordination.type,
  date: craCoordination.date,
  dureeMinutes: craCoordination.dureeMinutes,
  participants: sql<number>`cardinality(${craCoordination.participantIds})`,
  thematiques: craCoordination.thematiques,
  titre: craCoordination.titre,
  commune: commune.nom,
  nbParticipants: craCoordination.nbParticipants,
  partenaires: craCoordination.partenaires,
  structurePartenaire: craCoordination.structurePartenaire,
  typePartenaire: craCoordination.typePartenaire,
  sujet: craCoordination.sujet,
  notes: craCoordination.notes,
};

/** A page of the coordinator's own reports, latest first, with the exact total. */
export async function mesCoordinations(
  db: Executeur,
  coordinateurId: string,
  f: FiltresCoordination & { page: number },
) {
  const ou = and(eq(craCoordination.coordinateurId, coordinateurId), ...filtres(f));
  const [total] = await db.select({ n: count() }).from(craCoordination).where(ou);
  const lignes = await db
    .select(colonnesLigne)
    .from(craCoordination)
    .leftJoin(commune, eq(commune.code, craCoordination.communeCode))
    .where(ou)
    .orderBy(desc(craCoordination.date), desc(craCoordination.id))
    .limit(TAILLE_PAGE_COORDINATIONS)
    .offset((f.page - 1) * TAILLE_PAGE_COORDINATIONS);
  return { total: total?.n ?? 0, lignes };
}

/** All of them for the export, oldest first (a coordinator writes a few hundred a year). */
export function toutesMesCoordinations(
  db: Executeur,
  coordinateurId: string,
  f: FiltresCoordination,
) {
  return db
    .select(colonnesLigne)
    .from(craCoordination)
    .leftJoin(commune, eq(commune.code, craCoordination.communeCode))
    .where(and(eq(craCoordination.coordinateurId, coordinateurId), ...filtres(f)))
    .orderBy(craCoordination.date, craCoordination.id);
}

/** One report, as stored, for its author to change. */
export async function lireCoordination(db: Executeur, id: string) {
  const [l] = await db.select().from(craCoordination).where(eq(craCoordination.id, id));
  return l ?? null;
}

/**
 * The coordination figures of a scope (one coordinator, or the whole country) over a period:
 * per kind, the number of reports and hours; the conseillers met in animations, the people at
 * events, the partners met. Never added to accompaniments.
 */
export async function chiffresCoordination(
  db: Executeur,
  portee: { coordinateurId: string } | undefined,
  p: { du: string; au: string },
) {
  const ou = and(
    portee ? eq(craCoordination.coordinateurId, portee.coordinateurId) : undefined,
    gte(craCoordination.date, p.du),
    lte(craCoordination.date, p.au),
  );
  const parType = await db
    .select({
      type: craCoordination.type,
      nombre: count(),
      minutes: sql<number>`coalesce(sum(${craCoordination.dureeMinutes}), 0)::int`,
    })
    .from(craCoordination)
    .where(ou)
    .groupBy(craCoordination.type);
  const [autres] = await db
    .select({
      participantsEvenements: sql<number>`coalesce(sum(${craCoordination.nbParticipants}), 0)::int`,
      partenaires: sql<number>`count(distinct lower(${craCoordination.structurePartenaire}))::int`,
    })
    .from(craCoordination)
    .where(ou);
  const [animes] = await lignes<{ n: number }>(
    db,
    sql`select count(distinct p)::int as n from (select unnest(participant_ids) as p
        from ${craCoordination} where ${ou} and type = 'animation') x`,
  );
  return { parType, ...autres!, conseillersAnimes: animes?.n ?? 0 };
}

/** The conseillers a coordinator may name in an animation: those of its resolved scope. */
export function conseillersDeLEquipe(db: Executeur, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return lignes<{
    id: string;
    prenom: string;
    nom: string;
    structureId: string | null;
    structure: string | null;
  }>(
    db,
    sql`select u.id, u.prenom, u.nom, s.id as "structureId", s.nom as structure
        from utilisateur u
        left join lateral (select s.id, s.nom from habilitation h
          join structure s on s.id = h.structure_id
          where h.utilisateur_id = u.id and h.role = 'conseiller' and h.actif
          order by h.cree_le limit 1) s on true
        where u.id = any(${tableauSql(ids, "uuid")})
        order by u.nom, u.prenom, u.id`,
  );
}
