import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { StatutOrientation } from "../../domain/orientations/orientation.ts";
import { type PorteurDePerimetre, predicatPerimetre } from "../access/index.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { atelier, commune, lieu, orientation } from "../db/schema.ts";
import { lieuxDuConseillerLe } from "../structures/index.ts";

export const TAILLE_PAGE_ORIENTATIONS = 20;

/** The places a conseiller works at on a day (Paris): their orientations are theirs to handle. */
export const lieuxDuConseiller = (conseillerId: string, jour: string) =>
  lieuxDuConseillerLe(sql`${conseillerId}::uuid`, sql`${jour}::date`);

/**
 * What a conseiller receives on a day: the orientations to their places that day, except those
 * addressed to a colleague by name.
 */
export const recuePar = (conseillerId: string, jour: string) =>
  sql`${orientation.lieuId} in ${lieuxDuConseiller(conseillerId, jour)}
    and (${orientation.conseillerId} is null or ${orientation.conseillerId} = ${conseillerId}::uuid)`;

/**
 * The conseillers who work at a place on a day and let their name be shown: those a person can
 * be sent to by name (`seul` to check one).
 */
export function conseillersDuLieu(db: Executeur, lieuId: string, jour: string, seul?: string) {
  return lignes<{ id: string; nom: string }>(
    db,
    sql`select distinct u.id, u.prenom || ' ' || u.nom as nom, u.nom as tri, u.prenom
        from lieu_conseiller lc join utilisateur u on u.id = lc.conseiller_id
        where lc.lieu_id = ${lieuId}::uuid
          and lc.lieu_id in ${lieuxDuConseillerLe(sql`lc.conseiller_id`, sql`${jour}::date`)}
          and not u.nom_masque_carte
          ${seul ? sql`and u.id = ${seul}::uuid` : sql``}
        order by u.nom, u.prenom`,
  );
}

/** The queues of the receiving conseiller: to handle, accepted (waiting to be seen), ended. */
export const FILES_RECUES = {
  a_traiter: ["a_traiter"],
  acceptees: ["acceptee"],
  terminees: ["vue", "absente", "sans_suite"],
} as const satisfies Record<string, readonly StatutOrientation[]>;
export type FileRecue = keyof typeof FILES_RECUES;

const colonnes = {
  id: orientation.id,
  nominative: sql<boolean>`${orientation.conseillerId} is not null`,
  statut: orientation.statut,
  urgence: orientation.urgence,
  thematiques: orientation.thematiques,
  creeLe: orientation.creeLe,
  redirections: orientation.redirections,
  motifRedirection: orientation.motifRedirection,
  rendezVous: orientation.rendezVous,
  atelierTitre: atelier.titre,
  atelierDebut: atelier.debut,
  lieuId: lieu.id,
  lieuNom: lieu.nom,
  commune: commune.nom,
};

/** One row as read: the contact is read too, the route of each reader says what it shows. */
const depuis = (db: Executeur) =>
  db
    .select({
      ...colonnes,
      prenom: orientation.prenom,
      nom: orientation.nom,
      email: orientation.email,
      telephone: orientation.telephone,
      precisions: orientation.precisions,
    })
    .from(orientation)
    .innerJoin(lieu, eq(lieu.id, orientation.lieuId))
    .leftJoin(commune, eq(commune.code, lieu.communeCode))
    .leftJoin(atelier, eq(atelier.id, orientation.atelierId));

/**
 * The orientations addressed to the conseiller's places today: urgent first, then the oldest,
 * with the person's contact (they agreed to give it to the receiving place).
 */
export async function orientationsRecues(
  db: Executeur,
  p: { conseillerId: string; jour: string; file: FileRecue; page: number },
) {
  const condition = and(
    recuePar(p.conseillerId, p.jour),
    inArray(orientation.statut, [...FILES_RECUES[p.file]]),
  );
  const [n] = await db.select({ n: count() }).from(orientation).where(condition);
  const rangees = await depuis(db)
    .where(condition)
    .orderBy(
      sql`${orientation.urgence} = 'urgente' desc`,
      asc(orientation.creeLe),
      asc(orientation.id),
    )
    .limit(TAILLE_PAGE_ORIENTATIONS)
    .offset((p.page - 1) * TAILLE_PAGE_ORIENTATIONS);
  return { total: n?.n ?? 0, lignes: rangees };
}

/**
 * What the sender reads of their orientations: the place, the need, the outcome — never the
 * receiving conseiller's report nor who handled it.
 */
export async function orientationsEnvoyees(db: Executeur, emetteurId: string, page: number) {
  const condition = eq(orientation.emetteurId, emetteurId);
  const [n] = await db.select({ n: count() }).from(orientation).where(condition);
  const rangees = await depuis(db)
    .where(condition)
    .orderBy(desc(orientation.creeLe), desc(orientation.id))
    .limit(TAILLE_PAGE_ORIENTATIONS)
    .offset((page - 1) * TAILLE_PAGE_ORIENTATIONS);
  return { total: n?.n ?? 0, lignes: rangees };
}

export type LigneStatOrientations = {
  departement_code: string;
  departement: string;
  envoyees: number;
  recues: number;
  acceptees: number;
  aidees: number;
  absentes: number;
  redirigees: number;
  en_attente: number;
};

/**
 * Per département of the reader's scope: orientations sent from it (the sender's territory) and
 * received by its places, and how the received ones ended (docs/domaine/orientations.md §5).
 */
export function statistiquesOrientations(db: Executeur, connexion: PorteurDePerimetre) {
  const dansLePerimetre = predicatPerimetre(connexion, {
    departement: sql`d.code`,
    region: sql`d.region_code`,
  });
  return lignes<LigneStatOrientations>(
    db,
    sql`with envoi as (
          select departement_emetteur as code, count(*)::int as n from orientation
          where departement_emetteur is not null group by departement_emetteur),
        recu as (
          select l.departement_code as code, count(*)::int as recues,
            count(*) filter (where o.statut in ('acceptee', 'vue', 'absente'))::int as acceptees,
            count(*) filter (where o.statut = 'vue')::int as aidees,
            count(*) filter (where o.statut = 'absente')::int as absentes,
            count(*) filter (where o.redirections > 0)::int as redirigees,
            count(*) filter (where o.statut = 'a_traiter')::int as en_attente
          from orientation o join lieu l on l.id = o.lieu_id group by l.departement_code)
      select d.code as departement_code, d.nom as departement,
        coalesce(e.n, 0) as envoyees, coalesce(r.recues, 0) as recues,
        coalesce(r.acceptees, 0) as acceptees, coalesce(r.aidees, 0) as aidees,
        coalesce(r.absentes, 0) as absentes, coalesce(r.redirigees, 0) as redirigees,
        coalesce(r.en_attente, 0) as en_attente
      from departement d
      left join envoi e on e.code = d.code
      left join recu r on r.code = d.code
      where (e.n is not null or r.recues is not null) and ${dansLePerimetre}
      order by d.code`,
  );
}
