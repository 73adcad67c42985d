import { and, asc, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { type Executeur, lignes } from "../db/client.ts";
import { atelier, commune, inscriptionAtelier, lieu, utilisateur } from "../db/schema.ts";
import { employeurSql, lieuxDuConseillerLe } from "../structures/index.ts";

export const TAILLE_PAGE_ATELIERS = 20;

/** Around a point of the map, within a radius in km. */
type Autour = { lat: number; lon: number; rayon: number };

/** Registrations that hold a place, and those waiting: counted per workshop in the base. */
const compte = (statut: "inscrite" | "attente") =>
  sql<number>`(select count(*)::int from ${inscriptionAtelier} i
    where i.atelier_id = ${atelier.id} and i.statut = ${statut})`;

/** The public columns of a workshop: its place, never who registered. */
const colonnesPubliques = {
  id: atelier.id,
  titre: atelier.titre,
  thematiques: atelier.thematiques,
  niveau: atelier.niveau,
  debut: atelier.debut,
  dureeMinutes: atelier.dureeMinutes,
  gratuit: atelier.gratuit,
  accessibilite: atelier.accessibilite,
  capacite: atelier.capacite,
  inscrites: compte("inscrite"),
  enAttente: compte("attente"),
  lieuId: lieu.id,
  lieuNom: lieu.nom,
  adresse: lieu.adresse,
  codePostal: lieu.codePostal,
  commune: commune.nom,
};

/** A row read with the public columns (any reader's query holds them), as the public reads it. */
export const versPublic = (l: LigneAtelierPublique) => ({
  id: l.id,
  titre: l.titre,
  thematiques: l.thematiques,
  niveau: l.niveau as "debutant" | "intermediaire" | "avance",
  debut: l.debut,
  dureeMinutes: l.dureeMinutes,
  gratuit: l.gratuit,
  accessibilite: l.accessibilite,
  capacite: l.capacite,
  placesRestantes: Math.max(0, l.capacite - l.inscrites),
  enAttente: l.enAttente,
  lieu: {
    id: l.lieuId,
    nom: l.lieuNom,
    adresse: l.adresse,
    codePostal: l.codePostal,
    commune: l.commune ?? "",
  },
});

type LigneAtelierPublique = NonNullable<Awaited<ReturnType<typeof atelierPublic>>>;

const depuisLieu = (db: Executeur) =>
  db
    .select(colonnesPubliques)
    .from(atelier)
    .innerJoin(lieu, eq(lieu.id, atelier.lieuId))
    .leftJoin(commune, eq(commune.code, lieu.communeCode));

/**
 * The workshops still to come that anyone may register to, soonest first: not cancelled, not
 * started, at a place shown on the map; by theme, place and days (Paris) when asked.
 */
export function filtresAVenir(
  maintenant: Date,
  f: {
    thematique?: string | undefined;
    lieuId?: string | undefined;
    du?: string;
    au?: string;
    autour?: Autour;
  },
) {
  const a = f.autour;
  return and(
    isNull(atelier.annuleLe),
    gt(atelier.debut, maintenant),
    eq(lieu.visibleCarte, true),
    f.thematique ? sql`${f.thematique} = any(${atelier.thematiques})` : undefined,
    f.lieuId ? eq(atelier.lieuId, f.lieuId) : undefined,
    f.du ? sql`(${atelier.debut} at time zone 'Europe/Paris')::date >= ${f.du}::date` : undefined,
    f.au ? sql`(${atelier.debut} at time zone 'Europe/Paris')::date <= ${f.au}::date` : undefined,
    // The map's search: the GiST box first, then the exact distance, as for the places.
    a
      ? sql`point_terre(${lieu.latitude}, ${lieu.longitude}) <@ portee_candidat(${a.lat}::float8, ${a.lon}::float8, ${a.rayon}::int)
          and distance_m(${a.lat}::float8, ${a.lon}::float8, ${lieu.latitude}, ${lieu.longitude}) <= ${a.rayon * 1000}::float8`
      : undefined,
  );
}

export async function ateliersAVenir(
  db: Executeur,
  maintenant: Date,
  f: {
    thematique?: string;
    lieuId?: string;
    du?: string;
    au?: string;
    autour?: Autour;
    page: number;
  },
) {
  const condition = filtresAVenir(maintenant, f);
  const [n] = await db
    .select({ n: count() })
    .from(atelier)
    .innerJoin(lieu, eq(lieu.id, atelier.lieuId))
    .where(condition);
  const lignes = await depuisLieu(db)
    .where(condition)
    .orderBy(asc(atelier.debut), asc(atelier.id))
    .limit(TAILLE_PAGE_ATELIERS)
    .offset((f.page - 1) * TAILLE_PAGE_ATELIERS);
  return { total: n?.n ?? 0, lignes };
}

/** One workshop as the public reads it, while registration is open. */
export async function atelierPublic(db: Executeur, id: string, maintenant: Date) {
  const [l] = await depuisLieu(db).where(and(eq(atelier.id, id), filtresAVenir(maintenant, {})));
  return l ?? null;
}

/** The conseiller's workshops, the latest announced first, past ones included. */
export async function mesAteliers(db: Executeur, conseillerId: string, page: number) {
  const [n] = await db
    .select({ n: count() })
    .from(atelier)
    .where(eq(atelier.conseillerId, conseillerId));
  const lignes = await db
    .select({ ...colonnesPubliques, annuleLe: atelier.annuleLe })
    .from(atelier)
    .innerJoin(lieu, eq(lieu.id, atelier.lieuId))
    .leftJoin(commune, eq(commune.code, lieu.communeCode))
    .where(eq(atelier.conseillerId, conseillerId))
    .orderBy(desc(atelier.debut), desc(atelier.id))
    .limit(TAILLE_PAGE_ATELIERS)
    .offset((page - 1) * TAILLE_PAGE_ATELIERS);
  return { total: n?.n ?? 0, lignes };
}

/** The workshops a structure's conseillers announced while it employed them, latest first. */
export async function ateliersDeLaStructure(db: Executeur, structureId: string, page: number) {
  const condition = eq(atelier.structureId, structureId);
  const [n] = await db.select({ n: count() }).from(atelier).where(condition);
  const lignes = await db
    .select({
      ...colonnesPubliques,
      annuleLe: atelier.annuleLe,
      animePar: sql<string>`${utilisateur.prenom} || ' ' || ${utilisateur.nom}`,
    })
    .from(atelier)
    .innerJoin(lieu, eq(lieu.id, atelier.lieuId))
    .innerJoin(utilisateur, eq(utilisateur.id, atelier.conseillerId))
    .leftJoin(commune, eq(commune.code, lieu.communeCode))
    .where(condition)
    .orderBy(desc(atelier.debut), desc(atelier.id))
    .limit(TAILLE_PAGE_ATELIERS)
    .offset((page - 1) * TAILLE_PAGE_ATELIERS);
  return { total: n?.n ?? 0, lignes };
}

/**
 * Where a structure can announce a workshop on a day: each place of each conseiller it employs
 * that day, with that conseiller, who runs it.
 */
export function lieuxDeLaStructure(db: Executeur, structureId: string, jour: string) {
  return lignes<{
    lieu_id: string;
    lieu: string;
    commune: string | null;
    conseiller_id: string;
    conseiller: string;
  }>(
    db,
    sql`select l.id as lieu_id, l.nom as lieu, c.nom as commune, u.id as conseiller_id,
          u.prenom || ' ' || u.nom as conseiller
        from lieu_conseiller lc
        join lieu l on l.id = lc.lieu_id
        join utilisateur u on u.id = lc.conseiller_id
        left join commune c on c.code = l.commune_code
        where l.id in ${lieuxDuConseillerLe(sql`lc.conseiller_id`, sql`${jour}::date`)}
          and ${employeurSql(sql`lc.conseiller_id`, sql`${jour}::date`)} = ${structureId}::uuid
        order by u.nom, u.prenom, l.nom
        limit 500`,
  );
}

/** One workshop and its registrations (the caller checked it is the reader's). */
export async function monAtelier(db: Executeur, id: string) {
  const [l] = await db
    .select({
      ...colonnesPubliques,
      conseillerId: atelier.conseillerId,
      annuleLe: atelier.annuleLe,
      craId: atelier.craId,
    })
    .from(atelier)
    .innerJoin(lieu, eq(lieu.id, atelier.lieuId))
    .leftJoin(commune, eq(commune.code, lieu.communeCode))
    .where(eq(atelier.id, id));
  if (!l) return null;
  const inscriptions = await db
    .select({
      id: inscriptionAtelier.id,
      prenom: inscriptionAtelier.prenom,
      email: inscriptionAtelier.email,
      telephone: inscriptionAtelier.telephone,
      statut: inscriptionAtelier.statut,
      present: inscriptionAtelier.present,
      creeLe: inscriptionAtelier.creeLe,
    })
    .from(inscriptionAtelier)
    .where(eq(inscriptionAtelier.atelierId, id))
    .orderBy(asc(inscriptionAtelier.rang));
  return { ...l, inscriptions };
}
