import { and, eq, type SQL, sql } from "drizzle-orm";
import {
  type FiltresCarte,
  type RechercheProximite,
  type RechercheTerritoire,
  TAILLE_PAGE_TERRITOIRE,
} from "../../domain/lieux/carte.ts";
import {
  type EtatOuverture,
  etatOuverture,
  fuseauDe,
  ouvertLeWeekEnd,
  semaineType,
} from "../../domain/lieux/ouverture.ts";
import { type Executeur, lignes, lignesPreparees, tableauSql } from "../db/client.ts";
import { commune, lieu } from "../db/schema.ts";

/** A place as the map and its list show it: a few fields, no personal data but chosen names. */
export type LieuCarte = {
  id: string;
  nom: string;
  adresse: string;
  codePostal: string;
  commune: string;
  departementCode: string | null;
  latitude: number;
  longitude: number;
  distanceKm: number | null;
  positionApproximative: boolean;
  services: string[];
  gratuit: boolean;
  priseRdv: string | null;
  telephone: string | null;
  ouverture: EtatOuverture | null;
  conseillers: { prenom: string; nom: string }[];
  conseillersAnonymes: number;
};

type LigneLieu = {
  id: string;
  nom: string;
  adresse: string;
  code_postal: string;
  commune: string | null;
  departement_code: string | null;
  latitude: number;
  longitude: number;
  distance_m: number | null;
  position_approximative: boolean;
  services: string[];
  frais_a_charge: string[];
  prise_rdv: string | null;
  telephone: string | null;
  horaires: string | null;
};

const PROGRAMME_CNFS = "Conseillers numériques";

/** The filters that SQL answers; opening hours are evaluated afterwards, per place. */
function conditionsFiltres(f: FiltresCarte): SQL[] {
  const c: SQL[] = [];
  const tableau = (valeurs: string[]) => tableauSql(valeurs, "text");
  if (f.services.length) c.push(sql`l.services && ${tableau(f.services)}`);
  if (f.publics.length) c.push(sql`l.publics_specifiquement_adresses && ${tableau(f.publics)}`);
  if (f.priseEnCharge.length)
    c.push(sql`l.prise_en_charge_specifique && ${tableau(f.priseEnCharge)}`);
  if (f.programmes.length) {
    // A conseiller's place is in the programme whether or not its producer wrote it.
    const cnfs = f.programmes.includes(PROGRAMME_CNFS)
      ? sql`or exists (select 1 from lieu_conseiller lc where lc.lieu_id = l.id and lc.fin is null)`
      : sql``;
    c.push(sql`(l.dispositif_programmes_nationaux && ${tableau(f.programmes)} ${cnfs})`);
  }
  if (f.departements.length) c.push(sql`l.departement_code = any(${tableau(f.departements)})`);
  if (f.regions.length) c.push(sql`l.region_code = any(${tableau(f.regions)})`);
  if (f.gratuit) c.push(sql`'Gratuit' = any(l.frais_a_charge)`);
  if (f.priseRdv)
    c.push(sql`(l.prise_rdv is not null or 'Prendre un RDV en ligne' = any(l.modalites_acces))`);
  return c;
}

const COLONNES = sql`l.id, l.nom, l.adresse, l.code_postal, co.nom as commune,
  l.departement_code, l.latitude, l.longitude, l.position_approximative, l.services, l.frais_a_charge, l.prise_rdv,
  l.telephone, l.horaires`;

const VISIBLE = sql`l.visible_carte and l.latitude is not null and l.longitude is not null`;

/** The places with their commune and their exact distance to the point searched. */
const lieuxAvecDistance = (r: { lat: number; lon: number }) =>
  sql`select ${COLONNES},
      distance_m(${r.lat}::float8, ${r.lon}::float8, l.latitude, l.longitude) as distance_m
    from lieu l left join commune co on co.code = l.commune_code`;

/** Opening-hours filters, which SQL cannot evaluate. */
function filtreHoraires(f: FiltresCarte, maintenant: Date) {
  return (l: LigneLieu) =>
    (!f.ouvertMaintenant ||
      etatOuverture(l.horaires, maintenant, fuseauDe(l.departement_code))?.ouvert === true) &&
    (!f.ouvertWeekEnd || ouvertLeWeekEnd(l.horaires));
}

/** A place for the map's list, with the names of those who accept to be named. */
function versLieuCarte(l: LigneLieu, presents: Present[], maintenant: Date): LieuCarte {
  return {
    id: l.id,
    nom: l.nom,
    adresse: l.adresse,
    codePostal: l.code_postal,
    commune: l.commune ?? "",
    departementCode: l.departement_code,
    latitude: l.latitude,
    longitude: l.longitude,
    distanceKm: l.distance_m === null ? null : Math.round(l.distance_m / 100) / 10,
    positionApproximative: l.position_approximative,
    services: l.services,
    gratuit: l.frais_a_charge.includes("Gratuit"),
    priseRdv: l.prise_rdv,
    telephone: l.telephone,
    ouverture: etatOuverture(l.horaires, maintenant, fuseauDe(l.departement_code)),
    ...nommes(presents),
  };
}

/** A conseiller who asked not to be named is counted, never named (docs/domaine/lieux-et-carte.md §3.2). */
function nommes(presents: Present[]) {
  return {
    conseillers: presents.filter((p) => !p.masque).map((p) => ({ prenom: p.prenom, nom: p.nom })),
    conseillersAnonymes: presents.filter((p) => p.masque).length,
  };
}

type Present = { prenom: string; nom: string; masque: boolean };
type LigneAvecPresents = LigneLieu & { total: number; presents: Present[] };

/** Who works at the place `idLieu` names, as one JSON list read with the place itself. */
const presentsDe = (idLieu: SQL) => sql`(select coalesce(json_agg(json_build_object(
      'prenom', u.prenom, 'nom', u.nom, 'masque', u.nom_masque_carte) order by u.nom, u.prenom), '[]'::json)
    from lieu_conseiller lc join utilisateur u on u.id = lc.conseiller_id
    where lc.lieu_id = ${idLieu} and lc.fin is null and u.actif)`;

/**
 * The places nearest a point within a radius, nearest first, their count and who works there,
 * in one prepared statement: the GiST index returns the places inside the radius's box, the
 * exact distance is checked on those rows only.
 */
export async function lieuxProchesDuPoint(
  tx: Executeur,
  r: RechercheProximite,
  maintenant: Date,
): Promise<{ lieux: LieuCarte[]; total: number; plusProche?: LieuCarte | null }> {
  const horaires = r.ouvertMaintenant || r.ouvertWeekEnd;
  const conditions = [
    VISIBLE,
    sql`point_terre(l.latitude, l.longitude) <@ portee_candidat(${r.lat}::float8, ${r.lon}::float8, ${r.rayon}::int)`,
    sql`distance_m(${r.lat}::float8, ${r.lon}::float8, l.latitude, l.longitude) <= ${r.rayon * 1000}::float8`,
    ...conditionsFiltres(r),
  ];
  // With hours to check, read more candidates than asked: most places are not open right now.
  const plafond = horaires ? 1_000 : r.limite;
  const trouves = await lignesPreparees<LigneAvecPresents>(
    tx,
    sql`with dedans as (
          ${lieuxAvecDistance(r)}
          where ${sql.join(conditions, sql` and `)})
        select d.*, (select count(*)::int from dedans) as total, ${presentsDe(sql`d.id`)} as presents
        from dedans d
        order by d.distance_m, d.id
        limit ${plafond}::int`,
  );
  const gardes = horaires ? trouves.filter(filtreHoraires(r, maintenant)) : trouves;
  const total = horaires ? gardes.length : (trouves[0]?.total ?? 0);
  return {
    lieux: gardes.slice(0, r.limite).map((l) => versLieuCarte(l, l.presents, maintenant)),
    total,
    ...(total === 0 ? { plusProche: await lieuLePlusProche(tx, r, maintenant) } : {}),
  };
}

/** Candidates read beyond the radius when opening hours must be checked on each. */
const CANDIDATS_AU_DELA = 200;

/**
 * The nearest place beyond the radius, same filters: what a person is told when nothing is
 * close ("Aucun lieu à moins de 20 km ; le plus proche est à 34 km"). The GiST index walks the
 * places nearest first (`<->`), so the whole country is never read.
 */
async function lieuLePlusProche(
  tx: Executeur,
  r: RechercheProximite,
  maintenant: Date,
): Promise<LieuCarte | null> {
  const horaires = r.ouvertMaintenant || r.ouvertWeekEnd;
  const lus = await lignesPreparees<LigneAvecPresents>(
    tx,
    sql`with proches as (
          ${lieuxAvecDistance(r)}
          where ${sql.join([VISIBLE, ...conditionsFiltres(r)], sql` and `)}
          order by point_terre(l.latitude, l.longitude) <-> point_terre(${r.lat}::float8, ${r.lon}::float8)
          limit ${horaires ? CANDIDATS_AU_DELA : 1}::int)
        select d.*, 0 as total, ${presentsDe(sql`d.id`)} as presents
        from proches d order by d.distance_m, d.id`,
  );
  const l = horaires ? lus.find(filtreHoraires(r, maintenant)) : lus[0];
  return l ? versLieuCarte(l, l.presents, maintenant) : null;
}

/** The places of a territory in alphabetical order, a page at a time, filters included. */
export async function lieuxDuTerritoire(
  tx: Executeur,
  r: RechercheTerritoire,
  maintenant: Date,
): Promise<{ lieux: LieuCarte[]; total: number; page: number }> {
  const horaires = r.ouvertMaintenant || r.ouvertWeekEnd;
  const conditions = sql.join([VISIBLE, ...conditionsFiltres(r)], sql` and `);
  const debut = (r.page - 1) * TAILLE_PAGE_TERRITOIRE;
  const lus = await lignesPreparees<LigneAvecPresents>(
    tx,
    sql`select ${COLONNES}, null::float8 as distance_m, count(*) over ()::int as total,
          ${presentsDe(sql`l.id`)} as presents
        from lieu l left join commune co on co.code = l.commune_code
        where ${conditions}
        order by l.nom, l.id
        ${horaires ? sql`` : sql`limit ${TAILLE_PAGE_TERRITOIRE}::int offset ${debut}::int`}`,
  );
  const gardes = horaires ? lus.filter(filtreHoraires(r, maintenant)) : lus;
  const page = horaires ? gardes.slice(debut, debut + TAILLE_PAGE_TERRITOIRE) : gardes;
  return {
    lieux: page.map((l) => versLieuCarte(l, l.presents, maintenant)),
    total: horaires ? gardes.length : (lus[0]?.total ?? 0),
    page: r.page,
  };
}

/** One visible place with every field of the standard, its commune's name and who works there. */
export async function lieuPublic(tx: Executeur, id: string, maintenant: Date) {
  const [l] = await tx
    .select({
      lieu,
      commune: commune.nom,
      presents: sql<Present[]>`${presentsDe(sql`${lieu.id}`)}`,
    })
    .from(lieu)
    .leftJoin(commune, eq(commune.code, lieu.communeCode))
    .where(and(eq(lieu.id, id), eq(lieu.visibleCarte, true)));
  if (!l) return null;
  const { creeLe: _cree, visibleCarte: _visible, ...champs } = l.lieu;
  return {
    ...champs,
    commune: l.commune ?? "",
    ouverture: etatOuverture(champs.horaires, maintenant, fuseauDe(champs.departementCode)),
    semaine: semaineType(champs.horaires),
    ...nommes(l.presents),
  };
}

/** Places per région and per département with their mean point: the national map's first view. */
export async function comptesParTerritoire(tx: Executeur, f: FiltresCarte) {
  const conditions = sql.join([VISIBLE, ...conditionsFiltres(f)], sql` and `);
  const parDepartement = await lignes<{
    code: string;
    nom: string;
    region_code: string;
    lieux: number;
    latitude: number;
    longitude: number;
  }>(
    tx,
    sql`select d.code, d.nom, d.region_code, count(*)::int as lieux,
          avg(l.latitude) as latitude, avg(l.longitude) as longitude
        from lieu l join departement d on d.code = l.departement_code
        where ${conditions}
        group by d.code, d.nom, d.region_code order by d.code`,
  );
  const regions = new Map<string, { code: string; lieux: number; lat: number; lon: number }>();
  for (const d of parDepartement) {
    const r = regions.get(d.region_code) ?? { code: d.region_code, lieux: 0, lat: 0, lon: 0 };
    r.lat += d.latitude * d.lieux;
    r.lon += d.longitude * d.lieux;
    r.lieux += d.lieux;
    regions.set(d.region_code, r);
  }
  const arrondi = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    regions: [...regions.values()].map((r) => ({
      code: r.code,
      lieux: r.lieux,
      latitude: arrondi(r.lat / r.lieux),
      longitude: arrondi(r.lon / r.lieux),
    })),
    departements: parDepartement.map((d) => ({
      code: d.code,
      nom: d.nom,
      regionCode: d.region_code,
      lieux: d.lieux,
      latitude: arrondi(Number(d.latitude)),
      longitude: arrondi(Number(d.longitude)),
    })),
  };
}

/**
 * The visible places of a bounding box as `[id, latitude, longitude]` triples: what the map
 * clusters, a few bytes per place (docs/domaine/lieux-et-carte.md §4.3), capped. A capped box gives the same
 * places whatever plan the database picks (by id): a cached answer and a computed one agree.
 */
export async function pointsDeLEmprise(
  tx: Executeur,
  emprise: number[],
  f: FiltresCarte,
  plafond: number,
  maintenant: Date,
): Promise<{ points: [string, number, number][]; complet: boolean }> {
  const [ouest, sud, est, nord] = emprise as [number, number, number, number];
  const horaires = f.ouvertMaintenant || f.ouvertWeekEnd;
  const lus = await lignes<LigneLieu>(
    tx,
    sql`select l.id, l.latitude, l.longitude, l.horaires, l.departement_code from lieu l
        where ${sql.join(
          [
            VISIBLE,
            sql`l.latitude between ${sud} and ${nord} and l.longitude between ${ouest} and ${est}`,
            ...conditionsFiltres(f),
          ],
          sql` and `,
        )}
        order by l.id
        limit ${horaires ? plafond * 10 : plafond + 1}`,
  );
  const gardes = horaires ? lus.filter(filtreHoraires(f, maintenant)) : lus;
  return {
    points: gardes
      .slice(0, plafond)
      .map((l) => [l.id, Math.round(l.latitude * 1e5) / 1e5, Math.round(l.longitude * 1e5) / 1e5]),
    complet: gardes.length <= plafond,
  };
}
