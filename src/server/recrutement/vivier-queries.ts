import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { DISTANCES_MAX_KM, type Situation } from "../../domain/recrutement/candidature.ts";
import { territoireDeMatching } from "../../domain/recrutement/matching.ts";
import { type Executeur, lignes } from "../db/client.ts";
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
  relation: string | null;
  total: number;
};

/** Where a structure recruits from: its point, its territory, the date its posts start. */
export type OrigineVivier = {
  structureId: string;
  latitude: number;
  longitude: number;
  territoire: string;
  echeanceDisponibilite: string;
};

/**
 * The structure's point and the availability date its candidates must meet (matching rules 1,
 * 4, 5); null without a vacant post or without a located address.
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

function filtres(f: Partial<FiltresVivier>): SQL[] {
  const conditions: SQL[] = [];
  if (f.distanceKm) conditions.push(sql`d.distance_m <= ${f.distanceKm * 1000}`);
  if (f.situation) conditions.push(sql`${f.situation} = any(d.situations)`);
  if (f.pix) conditions.push(sql`d.pix is not null`);
  if (f.diplomeOuExperience)
    conditions.push(sql`d.situations && array['diplome_mediation', 'experience_mediation']`);
  if (f.relation === "a_traiter") conditions.push(sql`(m.statut is null or m.statut = 'proposee')`);
  else if (f.relation) conditions.push(sql`m.statut = ${f.relation}`);
  return conditions;
}

/**
 * The pool, computed live (recrutement.md §5.3): available candidates whose reach covers the
 * structure, in its territory, available in time, without a declared or active contract;
 * nearest first. `indexe: false` is the naive form (every distance computed) kept for the bench.
 */
export async function rechercherVivier(
  tx: Executeur,
  origine: OrigineVivier,
  f: Partial<FiltresVivier> & { candidatureId?: string },
  options: { indexe?: boolean; limite?: number } = {},
): Promise<CandidatDuVivier[]> {
  const { latitude: lat, longitude: lon } = origine;
  const indexe = options.indexe ?? true;
  const limite = options.limite ?? TAILLE_PAGE_VIVIER;
  const page = f.page ?? 1;
  const portee = indexe
    ? sql`and portee_candidat(c.latitude, c.longitude, c.distance_max_km) @> point_terre(${lat}, ${lon})`
    : sql``;
  const suite = filtres(f);
  // Filter, count and sort on the candidature row alone; names and communes are joined for the
  // page only (a pool holds thousands of candidates, a page twenty).
  return lignes<CandidatDuVivier>(
    tx,
    sql`
      with d as (
        select c.id, c.utilisateur_id, c.date_disponibilite, c.cree_le, c.distance_max_km,
          c.situations, c.pix, distance_m(c.latitude, c.longitude, ${lat}, ${lon}) as distance_m
        from candidature c
        where c.statut = 'disponible' and c.latitude is not null ${portee}
          and ${territoireSql(sql`c.departement_code`)} = ${origine.territoire}
          and c.date_disponibilite <= ${origine.echeanceDisponibilite}
          ${f.candidatureId ? sql`and c.id = ${f.candidatureId}` : sql``}
      ), page as (
        select d.id, d.distance_m, d.date_disponibilite, d.cree_le, m.statut as relation,
          count(*) over ()::int as total
        from d
        left join mise_en_relation m
          on m.candidature_id = d.id and m.structure_id = ${origine.structureId}
        where d.distance_m <= d.distance_max_km * 1000
          and (m.statut is null or m.statut <> 'caduque')
          and not exists (
            select 1 from contrat k
            where k.utilisateur_id = d.utilisateur_id and k.statut in ('declare', 'actif')
          )
          ${suite.length > 0 ? sql`and ${sql.join(suite, sql` and `)}` : sql``}
        order by d.distance_m, d.date_disponibilite, d.cree_le, d.id
        limit ${limite} offset ${(page - 1) * limite}
      )
      select c.id, u.prenom, u.nom, co.nom as commune, co.codes_postaux[1] as "codePostal",
        c.situations, c.diplome, c.date_disponibilite::text as "dateDisponibilite",
        c.distance_max_km as "distanceMaxKm", c.pix, round(page.distance_m)::int as "distanceM",
        page.relation, page.total
      from page
      join candidature c on c.id = page.id
      join utilisateur u on u.id = c.utilisateur_id
      left join commune co on co.code = c.commune_code
      order by page.distance_m, page.date_disponibilite, page.cree_le, page.id`,
  );
}
