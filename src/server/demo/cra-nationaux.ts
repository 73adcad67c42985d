import { sql } from "drizzle-orm";
import { CODES, THEMATIQUES_DEMARCHES, type TypeActivite } from "../../domain/cra/vocabulaire.ts";
import { type Db, lignes } from "../db/client.ts";
import { champCsv, copierCsv, tableauPg } from "../db/copie.ts";
import { calendrier, jourIso, numeroDuJour } from "./calendrier-activite.ts";
import { creerHasard, type Hasard } from "./hasard.ts";

/** Reports on an ordinary day a conseiller records activity: several, rarely one. */
const CRA_PAR_JOUR_ACTIF = 3;
/** The first weeks of a contract go to training (the programme's initial formation). */
const JOURS_DE_FORMATION = 60;
const POIDS_EN_FORMATION = 0.4;
/** Reports per COPY: one transaction each, the unit a stopped load resumes from. */
const CRA_PAR_LOT = 100_000;

/** Workshop sizes as the field reports them: mostly 3 to 8 people, rarely 15. */
const TAILLES_ATELIER = [2, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 8, 8, 10, 12, 15] as const;
const DUREES_INDIVIDUELLES = [15, 30, 30, 45, 60, 60, 90] as const;
const DUREES_ATELIER = [60, 90, 120, 120, 180] as const;
const PRINCIPALES = CODES.thematiques.filter((t) => !THEMATIQUES_DEMARCHES.includes(t));

export const COLONNES_CRA = [
  "conseiller_id",
  "structure_id",
  "type",
  "public",
  "date",
  "duree_minutes",
  "type_lieu",
  "lieu_id",
  "commune_code",
  "departement_code",
  "nb_participants",
  "deja_accompagnes",
  "ages",
  "statuts",
  "genres",
  "thematiques",
  "materiel",
  "autonomie",
  "oriente",
  "structure_redirection",
  "titre_atelier",
  "niveau",
] as const;

type Periode = {
  debut: number;
  fin: number;
  structureId: string;
  communeCode: string;
  departementCode: string;
};
type LieuDuConseiller = {
  id: string;
  communeCode: string;
  departementCode: string;
  debut: number;
  principal: boolean;
};
export type ConseillerNational = {
  id: string;
  periodes: Periode[];
  lieux: LieuDuConseiller[];
};

/**
 * The generated conseillers in a stable order (their e-mail holds their number), with their
 * contracts cut at `maintenant` and their places: a report is only ever written inside one.
 */
export async function lireConseillersNationaux(
  db: Db,
  domaine: string,
  maintenant: Date,
): Promise<ConseillerNational[]> {
  const aujourdhui = numeroDuJour(maintenant.toISOString().slice(0, 10));
  const contrats = await lignes<{
    id: string;
    debut: string;
    fin: string | null;
    structure_id: string;
    commune_code: string;
    departement_code: string;
  }>(
    db,
    sql`select u.id, k.date_debut::text as debut,
               coalesce(k.date_fin_effective, k.date_fin)::text as fin, k.structure_id,
               s.commune_code, s.departement_code
        from utilisateur u
        join contrat k on k.utilisateur_id = u.id and k.statut in ('actif', 'termine')
        join structure s on s.id = k.structure_id
        where u.email like ${`%@${domaine}`}
        order by u.email, k.date_debut`,
  );
  const liens = await lignes<{
    conseiller_id: string;
    lieu_id: string;
    commune_code: string;
    departement_code: string;
    debut: string;
    nature: string;
  }>(
    db,
    sql`select lc.conseiller_id, lc.lieu_id, l.commune_code, l.departement_code,
               lc.debut::text as debut, lc.nature
        from lieu_conseiller lc
        join lieu l on l.id = lc.lieu_id
        join utilisateur u on u.id = lc.conseiller_id
        where u.email like ${`%@${domaine}`}
        order by lc.conseiller_id, lc.nature, lc.lieu_id`,
  );
  const parId = new Map<string, ConseillerNational>();
  for (const k of contrats) {
    const debut = numeroDuJour(k.debut);
    const fin = Math.min(aujourdhui, k.fin ? numeroDuJour(k.fin) : aujourdhui);
    const c = parId.get(k.id) ?? { id: k.id, periodes: [], lieux: [] };
    parId.set(k.id, c);
    if (fin >= debut)
      c.periodes.push({
        debut,
        fin,
        structureId: k.structure_id,
        communeCode: k.commune_code,
        departementCode: k.departement_code,
      });
  }
  for (const l of liens)
    parId.get(l.conseiller_id)?.lieux.push({
      id: l.lieu_id,
      communeCode: l.commune_code,
      departementCode: l.departement_code,
      debut: numeroDuJour(l.debut),
      principal: l.nature === "principal",
    });
  return [...parId.values()];
}

type JourTravaille = { jour: number; poids: number; periode: Periode };

/** The days a conseiller could work, weighted by the calendar and their first weeks' training. */
function joursTravailles(c: ConseillerNational, poids: Float64Array, jour0: number) {
  const jours: JourTravaille[] = [];
  const entree = c.periodes[0]?.debut ?? 0;
  for (const periode of c.periodes)
    for (let j = periode.debut; j <= periode.fin; j++) {
      const p =
        (poids[j - jour0] ?? 0) * (j - entree < JOURS_DE_FORMATION ? POIDS_EN_FORMATION : 1);
      if (p > 0) jours.push({ jour: j, poids: p, periode });
    }
  return jours;
}

const hasardDuConseiller = (graine: number, rang: number) =>
  creerHasard((Math.imul(graine, 1_000_003) + rang) | 0);

/**
 * How many reports each conseiller writes, summing to `total` exactly: in proportion to the
 * days they could work, times a personal pace (0.4 to 1.8: some see three times more people).
 */
export function repartirCras(
  conseillers: ConseillerNational[],
  total: number,
  graine: number,
  poids: Float64Array,
  jour0: number,
): number[] {
  const capacites = conseillers.map((c, rang) => {
    const rythme = hasardDuConseiller(~graine, rang).entier(40, 180) / 100;
    return rythme * joursTravailles(c, poids, jour0).reduce((s, j) => s + j.poids, 0);
  });
  const somme = capacites.reduce((s, x) => s + x, 0);
  if (somme === 0) return conseillers.map(() => 0);
  const parts = capacites.map((x) => (x / somme) * total);
  const nombres = parts.map(Math.floor);
  // Largest remainders first, so the counts add up to the total asked for.
  const reste = total - nombres.reduce((s, x) => s + x, 0);
  const ordre = parts.map((p, i) => [p - Math.floor(p), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; k < reste; k++) nombres[ordre[k % ordre.length]![1]]! += 1;
  return nombres;
}

/** Spreads `total` people over the codes at random, as a JSON object for a jsonb column. */
function repartition(h: Hasard, codes: readonly string[], total: number): string {
  const r: Record<string, number> = {};
  for (let i = 0; i < total; i++) {
    const c = h.choisir(codes);
    r[c] = (r[c] ?? 0) + 1;
  }
  return JSON.stringify(r);
}

function ligneCra(h: Hasard, jour: number, periode: Periode, lieux: LieuDuConseiller[]): string {
  const tirage = h.entier(0, 99);
  const type: TypeActivite = tirage < 55 ? "individuel" : tirage < 70 ? "collectif" : "ponctuel";
  const collectif = type === "collectif";
  const nb = collectif ? h.choisir(TAILLES_ATELIER) : 1;
  const ouverts = lieux.filter((l) => l.debut <= jour);
  const lieu =
    ouverts.length > 0 && h.entier(0, 9) < 8
      ? (ouverts.find((l) => !l.principal && h.entier(0, 3) === 0) ??
        ouverts.find((l) => l.principal) ??
        ouverts[0]!)
      : null;
  const thematiques = new Set<string>();
  const nbThemes = h.entier(1, 3);
  while (thematiques.size < nbThemes) thematiques.add(h.choisir(PRINCIPALES));
  if (thematiques.has("aide_aux_demarches_administratives"))
    thematiques.add(h.choisir(THEMATIQUES_DEMARCHES));
  const oriente = !collectif && h.entier(0, 9) === 0;
  const publicVise =
    h.entier(0, 19) === 0 ? "association" : h.entier(0, 9) === 0 ? "professionnel" : "particulier";
  return `${[
    periode.structureId,
    type,
    publicVise,
    jourIso(jour),
    h.choisir(collectif ? DUREES_ATELIER : DUREES_INDIVIDUELLES),
    lieu ? "lieu_activite" : h.choisir(["domicile", "a_distance", "autre"]),
    lieu?.id ?? null,
    lieu?.communeCode ?? periode.communeCode,
    lieu?.departementCode ?? periode.departementCode,
    nb,
    h.entier(0, nb),
    repartition(h, CODES.ages, nb),
    repartition(h, CODES.statuts, nb),
    repartition(h, CODES.genres, nb),
    tableauPg([...thematiques]),
    tableauPg([h.choisir(CODES.materiels)]),
    collectif ? null : h.choisir(CODES.autonomies),
    oriente,
    oriente ? h.choisir(CODES.redirections) : null,
    collectif ? "Atelier découverte" : null,
    collectif ? h.choisir(CODES.niveaux) : null,
  ]
    .map(champCsv)
    .join(",")}\n`;
}

/**
 * One conseiller's `nombre` reports: spread over active days drawn by weight (about
 * CRA_PAR_JOUR_ACTIF reports each), in date order. The same seed gives the same reports.
 */
export function crasDuConseiller(
  c: ConseillerNational,
  nombre: number,
  h: Hasard,
  poids: Float64Array,
  jour0: number,
): string {
  const jours = joursTravailles(c, poids, jour0);
  if (nombre === 0 || jours.length === 0) return "";
  const actifs = Math.min(jours.length, Math.max(1, Math.round(nombre / CRA_PAR_JOUR_ACTIF)));
  // Weighted sampling without replacement (Efraimidis–Spirakis): the smallest keys win.
  const cles = jours.map((j, i) => [-Math.log(h.entier(1, 2 ** 30) / 2 ** 30) / j.poids, i]);
  cles.sort((a, b) => a[0]! - b[0]!);
  const retenus = cles
    .slice(0, actifs)
    .map(([, i]) => jours[i!]!)
    .sort((a, b) => a.jour - b.jour);
  const parJour = new Uint32Array(retenus.length).fill(1);
  for (let k = retenus.length; k < nombre; k++) parJour[h.entier(0, retenus.length - 1)]! += 1;
  let csv = "";
  const prefixe = `${c.id},`;
  retenus.forEach((j, i) => {
    for (let k = 0; k < parJour[i]!; k++) csv += prefixe + ligneCra(h, j.jour, j.periode, c.lieux);
  });
  return csv;
}

/**
 * Writes `total` reports for the generated conseillers with COPY, in batches of about
 * CRA_PAR_LOT, each its own transaction. A conseiller's reports are all in one batch, so a load
 * stopped midway resumes by skipping the conseillers that already have reports.
 */
export async function ecrireCrasNationaux(
  db: Db,
  options: {
    total: number;
    graine: number;
    domaine: string;
    premierJour: string;
    maintenant: Date;
    craParLot?: number;
    surLot?: (ecrits: number, total: number, debitParSeconde: number) => void;
  },
): Promise<void> {
  const debut = performance.now();
  const parLot = options.craParLot ?? CRA_PAR_LOT;
  const conseillers = await lireConseillersNationaux(db, options.domaine, options.maintenant);
  const jour0 = numeroDuJour(options.premierJour);
  const poids = calendrier(jour0, numeroDuJour(options.maintenant.toISOString().slice(0, 10)));
  const nombres = repartirCras(conseillers, options.total, options.graine, poids, jour0);
  const faits = new Set(
    (
      await lignes<{ id: string }>(
        db,
        sql`select u.id from utilisateur u
            where u.email like ${`%@${options.domaine}`}
              and exists (select 1 from cra c where c.conseiller_id = u.id)`,
      )
    ).map((r) => r.id),
  );
  const dejaEcrits = conseillers.reduce((s, c, i) => s + (faits.has(c.id) ? nombres[i]! : 0), 0);
  let ecrits = dejaEcrits;
  let rang = 0;
  while (rang < conseillers.length) {
    let dansLeLot = 0;
    const premier = rang;
    while (rang < conseillers.length && (dansLeLot === 0 || dansLeLot < parLot)) {
      if (!faits.has(conseillers[rang]!.id)) dansLeLot += nombres[rang]!;
      rang++;
    }
    if (dansLeLot === 0) continue;
    // A generator yields one conseiller at a time: the event loop streams the previous chunk
    // to the server while the next one is drawn, so both cores work.
    async function* morceaux() {
      for (let i = premier; i < rang; i++) {
        const c = conseillers[i]!;
        if (faits.has(c.id)) continue;
        yield crasDuConseiller(c, nombres[i]!, hasardDuConseiller(options.graine, i), poids, jour0);
      }
    }
    await copierCsv(db, "cra", COLONNES_CRA, morceaux());
    ecrits += dansLeLot;
    const secondes = (performance.now() - debut) / 1000;
    options.surLot?.(ecrits, options.total, (ecrits - dejaEcrits) / secondes);
  }
}
