import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { DISTANCES_MAX_KM, type Situation } from "../../domain/recrutement/candidature.ts";
import { territoireDeMatching } from "../../domain/recrutement/matching.ts";
import type { StatutMiseEnRelation } from "../../domain/recrutement/mise-en-relation.ts";
import { type Executeur, lignesPreparees } from "../db/client.ts";
import { demandePostes, poste, structure } from "../db/schema.ts";

export const filtresVivierSchema = z.object({
  distanceKm: z.coerce
    .number()
    .refine((d) => (DISTANCES_MAX_KM as readonly number[]).includes(d), "Distance non proposée.")
    .optional(),
  situation: z
    .enum([
      "demandeur_emploi",
      "en_emploi",
      "en_formation",
      "diplome_mediation",
      "experience_mediation",
    ])
    .optional(),
  pix: z.enum(["oui"]).optional(),
  diplomeOuExperience: z.enum(["oui"]).optional(),
  relation: z.enum(["a_traiter", "preselectionnee", "ecartee"]).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type FiltresVivier = z.infer<typeof filtresVivierSchema>;

export const TAILLE_PAGE_VIVIER = 20;

export type CandidatDuVivier = {
  id: string;
  prenom: string;
  nom: string;
  commune: string | null;
  codePostal: string | null;
  situations: Situation[];
  diplome: string | null;
  dateDisponibilite: string;
  distanceMaxKm: number;
  pix: Record<string, number> | null;
  distanceM: number;
  relation: StatutMiseEnRelation | null;
};

/** Beyond this many candidates (ten pages) a pool says "more than" rather than counting each. */
export const PLAFOND_COMPTE_VIVIER = 200;

/** How many candidates a pool holds, counted up to the ceiling (`auMoins` when reached). */
export type CompteVivier = { total: number; auMoins: boolean };

/** Where a structure recruits from: its point, its territory, the date its posts start. */
export type OrigineVivier = {
  structureId: string;
  latitude: number;
  longitude: number;
  territoire: string;
  echeanceDisponibilite: string;
};

/**
 * The structure's point and the availability date its candidates must meet (rules 1, 4 and 5
 * of docs/domaine/recrutement.md §5.3); null without a vacant post or without a located address.
 */
export async function origineVivier(
  tx: Executeur,
  structureId: string,
  aujourdhui: string,
): Promise<OrigineVivier | "sans_poste" | "sans_adresse"> {
  const [s] = await tx.select().from(structure).where(eq(structure.id, structureId));
  const [vacant] = await tx
    .select({ id: poste.id })
    .from(poste)
    .where(and(eq(poste.structureId, structureId), eq(poste.statut, "vacant")))
    .limit(1);
  if (!s || !vacant) return "sans_poste";
  if (s.latitude === null || s.longitude === null) return "sans_adresse";
  const [demande] = await tx
    .select({ debut: demandePostes.dateDebutSouhaitee })
    .from(demandePostes)
    .where(and(eq(demandePostes.structureId, structureId), eq(demandePostes.statut, "acceptee")))
    .orderBy(desc(demandePostes.creeLe))
    .limit(1);
  const debut = demande?.debut ?? aujourdhui;
  return {
    structureId,
    latitude: s.latitude,
    longitude: s.longitude,
    territoire: territoireDeMatching(s.departementCode),
    echeanceDisponibilite: debut < aujourdhui ? aujourdhui : debut,
  };
}

/** The SQL form of `territoireDeMatching`: mainland, or the overseas territory's own code. */
export const territoireSql = (colonne: SQL) =>
  sql`(case when ${colonne} ~ '^9[78]' then ${colonne} else 'metropole' end)`;

function filtres(f: Partial<FiltresVivier>, distance: SQL): SQL[] {
  const conditions: SQL[] = [];
  if (f.distanceKm) conditions.push(sql`${distance} <= ${f.distanceKm * 1000}`);
  if (f.situation) conditions.push(sql`${f.situation} = any(d.situations)`);
  if (f.pix) conditions.push(sql`d.pix is not null`);
  if (f.diplomeOuExperience)
    conditions.push(sql`d.situations && array['diplome_mediation', 'experience_mediation']`);
  if (f.relation === "a_traiter") conditions.push(sql`(m.statut is null or m.statut = 'proposee')`);
  else if (f.relation) conditions.push(sql`m.statut = ${f.relation}`);
  return conditions;
}

/** The pool's conditions on a candidature `d` and its relation `m` with the structure. */
function conditionsVivier(
  origine: OrigineVivier,
  f: Partial<FiltresVivier> & { candidatureId?: string },
) {
  const { latitude: lat, longitude: lon } = origine;
  const distance = sql`distance_m(d.latitude, d.longitude, ${lat}, ${lon})`;
  const suite = filtres(f, distance);
  const ou = sql`d.statut = 'disponible' and d.latitude is not null
    and ${territoireSql(sql`d.departement_code`)} = ${origine.territoire}
    and d.date_disponibilite <= ${origine.echeanceDisponibilite}
    ${f.candidatureId ? sql`and d.id = ${f.candidatureId}` : sql``}
    and ${distance} <= d.distance_max_km * 1000
    and (m.statut is null or m.statut <> 'caduque')
    and not exists (
      select 1 from contrat k
      where k.utilisateur_id = d.utilisateur_id and k.statut in ('declare', 'actif')
    )
    ${suite.length > 0 ? sql`and ${sql.join(suite, sql` and `)}` : sql``}`;
  const depuis = sql`candidature d left join mise_en_relation m
    on m.candidature_id = d.id and m.structure_id = ${origine.structureId}`;
  const portee = sql`portee_candidat(d.latitude, d.longitude, d.distance_max_km)
    @> point_terre(${lat}, ${lon})`;
  const proximite = sql`(point_terre(d.latitude, d.longitude) <-> point_terre(${lat}, ${lon}))`;
  return { distance, ou, depuis, portee, proximite };
}

/**
 * The size of a pool, stopped at the ceiling: a national pool holds thousands, and "more than
 * 200" is all a structure needs to know. The candidates who accept any distance (their whole
 * territory) are a subset of every pool that costs no spatial work to read: when more than the
 * ceiling of them match, the pool is "more than" (mainland France, nearly always). Otherwise
 * the pool is counted through the index of the candidates' reach.
 */
export async function compterVivier(
  tx: Executeur,
  origine: OrigineVivier,
  f: Partial<FiltresVivier>,
  options: { plafond?: number; indexe?: boolean } = {},
): Promise<CompteVivier> {
  const { plafond = PLAFOND_COMPTE_VIVIER, indexe = true } = options;
  const v = conditionsVivier(origine, f);
  const compter = async (ou: SQL) => {
    const [l] = await lignesPreparees<{ n: number }>(
      tx,
      sql`select count(*)::int as n from (
            select 1 from ${v.depuis} where ${ou} limit ${plafond + 1}
          ) x`,
    );
    return l?.n ?? 0;
  };
  if (
    indexe &&
    (await compter(sql`d.distance_max_km = ${sql.raw(String(PORTEE_NATIONALE_KM))} and ${v.ou}`)) >
      plafond
  )
    return { total: plafond, auMoins: true };
  const n = await compter(indexe ? sql`${v.portee} and ${v.ou}` : v.ou);
  return { total: Math.min(n, plafond), auMoins: n > plafond };
}

/**
 * The largest reach a candidate may choose: the whole of their territory. Written into the SQL
 * as a literal, so that the planner matches the partial index on it (migration 0030).
 */
const PORTEE_NATIONALE_KM = Math.max(...DISTANCES_MAX_KM);

/**
 * A page of the pool (docs/domaine/recrutement.md §5.3): available candidates whose reach covers the
 * structure, in its territory, available in time, without a declared or active contract;
 * nearest first, then by availability, seniority and id. A pool that ends on this page is read
 * whole through the index of the candidates' reach. A larger one is walked nearest first on the
 * GiST index of the candidates' points (KNN) up to the page's last rank, which gives the
 * distance the page cannot go beyond; the page is then sorted in full among the candidates
 * within it (ties at one commune's point included). Names and communes are joined for the page
 * only. `indexe: false` is the naive form (every distance computed and sorted), kept for the
 * bench and the tests (ADR 018).
 */
export async function rechercherVivier(
  tx: Executeur,
  origine: OrigineVivier,
  f: Partial<FiltresVivier> & { candidatureId?: string },
  options: { indexe?: boolean; limite?: number; compte?: CompteVivier } = {},
): Promise<CandidatDuVivier[]> {
  const limite = options.limite ?? TAILLE_PAGE_VIVIER;
  const decalage = ((f.page ?? 1) - 1) * limite;
  const v = conditionsVivier(origine, f);
  const page = (ou: SQL) =>
    lignesPreparees<CandidatDuVivier>(
      tx,
      sql`with page as (
            select d.id, ${v.distance} as distance_m, d.date_disponibilite, d.cree_le,
              m.statut as relation
            from ${v.depuis}
            where ${ou}
            order by 2, d.date_disponibilite, d.cree_le, d.id
            limit ${limite} offset ${decalage}
          )
          ${pageComplete()}`,
    );
  if (options.indexe === false) return page(v.ou);
  if (f.candidatureId) return page(sql`${v.portee} and ${v.ou}`);
  const compte = options.compte ?? (await compterVivier(tx, origine, f));
  if (!compte.auMoins && compte.total <= decalage) return [];
  if (!compte.auMoins && compte.total <= decalage + limite)
    return page(sql`${v.portee} and ${v.ou}`);
  // The page's last rank's great-circle distance (computed in SQL: the cube of each point would
  // cost a function call per row), as a radius on earthdistance's slightly larger sphere: the box
  // holds every candidate up to that rank, and a few farther ones the sort puts after it.
  // A pool counted "more than" may still end before that rank (its last page): the whole Earth.
  const rayon = sql`coalesce((select metres * ${RAYON_TERRE_M / RAYON_MOYEN_M}::float8 + 1 from (
      select ${v.distance} as metres from ${v.depuis} where ${v.ou}
      order by ${v.proximite}
      offset ${decalage + limite - 1} limit 1) borne), ${2 * Math.PI * RAYON_TERRE_M}::float8)`;
  return page(
    sql`point_terre(d.latitude, d.longitude) <@ earth_box(
          point_terre(${origine.latitude}, ${origine.longitude}), ${rayon})
        and ${v.ou}`,
  );
}

/** earthdistance's sphere, in metres (`earth_box`), and the mean radius of `distance_m`. */
const RAYON_TERRE_M = 6_378_168;
const RAYON_MOYEN_M = 6_371_008.8;

/** Names and communes joined for the page only (a pool holds thousands, a page twenty). */
const pageComplete = () => sql`
  select c.id, u.prenom, u.nom, co.nom as commune, co.codes_postaux[1] as "codePostal",
    c.situations, c.diplome, c.date_disponibilite::text as "dateDisponibilite",
    c.distance_max_km as "distanceMaxKm", c.pix, round(page.distance_m)::int as "distanceM",
    page.relation
  from page
  join candidature c on c.id = page.id
  join utilisateur u on u.id = c.utilisateur_id
  left join commune co on co.code = c.commune_code
  order by page.distance_m, page.date_disponibilite, page.cree_le, page.id`;
