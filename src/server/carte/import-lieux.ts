import { randomUUID } from "node:crypto";
import { setImmediate as tourSuivant } from "node:timers/promises";
import { eq, getTableColumns, inArray, or, sql } from "drizzle-orm";
import {
  type Contradiction,
  fusionner,
  type LieuStandardImporte,
  lieuStandardSchema,
} from "../../domain/lieux/import-standard.ts";
import { SEUIL_MEME_LIEU, scoreMemeLieu } from "../../domain/lieux/lieu.ts";
import { type Db, type Executeur, lignes as lignesSql, tableauSql } from "../db/client.ts";
import { insererEnLot } from "../db/lot.ts";
import { commune, lieu } from "../db/schema.ts";
import { versCsv } from "../infra/export.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { resolveurDeCommunes } from "../referentiel/index.ts";
import type { Travaux } from "../taches/index.ts";

/** Two rows of one file are one place from this score on (the ETL's in-source threshold, docs/domaine/lieux-et-carte.md §5). */
export const SEUIL_MEME_SOURCE = 90;

type Erreur = { champ: string; message: string };
export type RapportImportLieux = {
  lignes: number;
  valides: number;
  /** Line numbers as the operator's spreadsheet shows them (a CSV's header is line 1). */
  rejetees: { ligne: number; erreurs: Erreur[]; valeurs: Record<string, string> }[];
  creees: number;
  fusionnees: { ligne: number; lieuId: string; nom: string }[];
  doublonsDuFichier: number;
  /** Values a merge set aside because the newest record says otherwise. */
  contradictions: (Contradiction & { ligne: number; nom: string })[];
  applique: boolean;
};

/** All or nothing (a single rejected row stops the import), or the valid rows only. */
export type ModeImport = "tout-ou-rien" | "lignes-valides";

/** A producer's identifier of a row: the standard's `id` within its `source`. */
type CleSource = { source: string; id: string };

export type Pret = {
  ligne: number;
  lieu: LieuStandardImporte;
  communeCode: string;
  departementCode: string;
  regionCode: string;
  /** The identifiers of every row of the file this place stands for. */
  cles: CleSource[];
};

/** Rows handled between two yields to the event loop: other requests wait a few ms at most. */
const LIGNES_PAR_TOUR = 250;

/** Lets the server answer other requests during a long import (the work stays in this process). */
async function cederLaMain(i: number): Promise<void> {
  if (i > 0 && i % LIGNES_PAR_TOUR === 0) await tourSuivant();
}

/**
 * Rows of one file that describe one place become one: the row is merged into its twin (true)
 * or becomes a new place of its commune's block (false). Compared within the commune only.
 */
export function ajouterOuFusionner(
  blocs: Map<string, Pret[]>,
  pret: Pret,
  contradictions: Contradiction[] = [],
): boolean {
  const bloc = blocs.get(pret.communeCode);
  const cle = comparable(pret);
  const jumeau = bloc?.find((p) => scoreMemeLieu(comparable(p), cle) >= SEUIL_MEME_SOURCE);
  if (jumeau) {
    jumeau.lieu = fusionner(jumeau.lieu, pret.lieu, contradictions);
    jumeau.cles.push(...pret.cles);
    return true;
  }
  if (bloc) bloc.push(pret);
  else blocs.set(pret.communeCode, [pret]);
  return false;
}

/** Groups by commune: two places of different communes score 0, so a block loses no match. */
function parCommune<T>(elements: T[], commune: (e: T) => string): Map<string, T[]> {
  const blocs = new Map<string, T[]>();
  for (const e of elements) {
    const code = commune(e);
    const bloc = blocs.get(code);
    if (bloc) bloc.push(e);
    else blocs.set(code, [e]);
  }
  return blocs;
}

export const comparable = (p: Pret) => ({
  nom: p.lieu.nom,
  adresse: p.lieu.adresse,
  siret: p.lieu.pivot,
  communeCode: p.communeCode,
  latitude: p.lieu.latitude,
  longitude: p.lieu.longitude,
});

/** A stored place in the standard's shape, to merge with an imported one. */
function depuisLigne(l: typeof lieu.$inferSelect, nomCommune: string): LieuStandardImporte {
  return {
    id: l.id,
    pivot: l.pivot,
    nom: l.nom,
    commune: nomCommune,
    code_postal: l.codePostal,
    code_insee: l.communeCode,
    adresse: l.adresse,
    complement_adresse: l.complementAdresse,
    latitude: l.latitude,
    longitude: l.longitude,
    typologie: l.typologies,
    telephone: l.telephone,
    courriels: l.courriels,
    site_web: l.sitesWeb,
    horaires: l.horaires,
    presentation_resume: l.presentationResume,
    presentation_detail: l.presentationDetail,
    source: l.source,
    itinerance: l.itinerance,
    structure_parente: l.structureParente,
    date_maj: l.dateMaj,
    services: l.services,
    publics_specifiquement_adresses: l.publicsSpecifiquementAdresses,
    prise_en_charge_specifique: l.priseEnChargeSpecifique,
    frais_a_charge: l.fraisACharge,
    dispositif_programmes_nationaux: l.dispositifProgrammesNationaux,
    formations_labels: l.formationsLabels,
    autres_formations_labels: l.autresFormationsLabels,
    modalites_acces: l.modalitesAcces,
    modalites_accompagnement: l.modalitesAccompagnement,
    fiche_acces_libre: l.ficheAccesLibre,
    prise_rdv: l.priseRdv,
  };
}

const colonnes = (p: Omit<Pret, "ligne">) => ({
  pivot: p.lieu.pivot,
  nom: p.lieu.nom,
  adresse: p.lieu.adresse,
  complementAdresse: p.lieu.complement_adresse,
  codePostal: p.lieu.code_postal,
  communeCode: p.communeCode,
  departementCode: p.departementCode,
  regionCode: p.regionCode,
  latitude: p.lieu.latitude,
  longitude: p.lieu.longitude,
  typologies: p.lieu.typologie,
  telephone: p.lieu.telephone,
  courriels: p.lieu.courriels,
  sitesWeb: p.lieu.site_web,
  horaires: p.lieu.horaires,
  presentationResume: p.lieu.presentation_resume,
  presentationDetail: p.lieu.presentation_detail,
  source: p.lieu.source,
  itinerance: p.lieu.itinerance,
  structureParente: p.lieu.structure_parente,
  services: p.lieu.services,
  publicsSpecifiquementAdresses: p.lieu.publics_specifiquement_adresses,
  priseEnChargeSpecifique: p.lieu.prise_en_charge_specifique,
  fraisACharge: p.lieu.frais_a_charge,
  dispositifProgrammesNationaux: p.lieu.dispositif_programmes_nationaux,
  formationsLabels: p.lieu.formations_labels,
  autresFormationsLabels: p.lieu.autres_formations_labels,
  modalitesAcces: p.lieu.modalites_acces,
  modalitesAccompagnement: p.lieu.modalites_accompagnement,
  ficheAccesLibre: p.lieu.fiche_acces_libre,
  priseRdv: p.lieu.prise_rdv,
  dateMaj: p.lieu.date_maj,
});

/**
 * Imports a file of the national standard: each row checked, the rows of one place merged, each
 * place merged into the stored place it is — the one its producer's identifier already names,
 * else the one it matches (same commune, similar name and address, within about 50 m —
 * docs/domaine/lieux-et-carte.md §5) — or created. In `tout-ou-rien` mode a single rejected row leaves the
 * database untouched; in `lignes-valides` mode the valid rows are applied and the report lists
 * the others. `appliquer` false is a dry run: the report only.
 */
export async function importerLieux(
  db: Db,
  params: {
    lignes: unknown[];
    appliquer: boolean;
    mode?: ModeImport;
    /** The number of the file's first record as the operator sees it: 2 under a CSV header. */
    premiereLigne?: number;
    acteur: Acteur;
    /** A hub imports for its territory only; absent: anywhere (admin). */
    departements?: string[];
    /** Where open data's regeneration is asked, in the import's transaction. */
    travaux?: Travaux;
  },
): Promise<RapportImportLieux> {
  const rapport: RapportImportLieux = {
    lignes: params.lignes.length,
    valides: 0,
    rejetees: [],
    creees: 0,
    fusionnees: [],
    doublonsDuFichier: 0,
    contradictions: [],
    applique: false,
  };
  const numero = (i: number) => i + (params.premiereLigne ?? 1);
  const valeursBrutes = (i: number): Record<string, string> => {
    const brute = params.lignes[i];
    if (!brute || typeof brute !== "object") return {};
    return Object.fromEntries(
      Object.entries(brute as Record<string, unknown>).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.join("|") : v === null || v === undefined ? "" : String(v),
      ]),
    );
  };
  // Reading, checking and matching happen outside the transaction and yield to the event loop:
  // on the embedded database (one connection) a transaction holds every other request.
  const prets: Pret[] = [];
  const pretsParCommune = new Map<string, Pret[]>();
  const lus: ReturnType<typeof lieuStandardSchema.safeParse>[] = [];
  for (const [i, brute] of params.lignes.entries()) {
    await cederLaMain(i);
    lus.push(lieuStandardSchema.safeParse(brute));
  }
  const communeDe = await resolveurDeCommunes(
    db,
    lus.flatMap((r) => (r.success ? [r.data] : [])),
  );
  const rejeter = (i: number, erreurs: Erreur[]) =>
    rapport.rejetees.push({ ligne: numero(i), erreurs, valeurs: valeursBrutes(i) });
  for (const [i, r] of lus.entries()) {
    await cederLaMain(i);
    if (!r.success) {
      rejeter(
        i,
        r.error.issues.map((x) => ({ champ: String(x.path[0] ?? ""), message: x.message })),
      );
      continue;
    }
    const resolution = communeDe(r.data);
    if ("erreur" in resolution) {
      rejeter(i, [{ champ: "commune", message: resolution.erreur }]);
      continue;
    }
    const c = resolution.commune;
    if (params.departements && !params.departements.includes(c.departementCode)) {
      rejeter(i, [{ champ: "code_insee", message: "Ce lieu est hors de votre territoire." }]);
      continue;
    }
    const pret: Pret = {
      ligne: numero(i),
      lieu: r.data,
      communeCode: c.code,
      departementCode: c.departementCode,
      regionCode: c.regionCode,
      cles: [{ source: r.data.source ?? "", id: r.data.id }],
    };
    const ecartees: Contradiction[] = [];
    if (ajouterOuFusionner(pretsParCommune, pret, ecartees)) rapport.doublonsDuFichier++;
    else prets.push(pret);
    for (const x of ecartees)
      rapport.contradictions.push({ ...x, ligne: pret.ligne, nom: pret.lieu.nom });
  }
  rapport.valides = params.lignes.length - rapport.rejetees.length;
  const communes = [...new Set(prets.map((p) => p.communeCode))];
  let plan = await planifier(db, prets, communes);
  const applicable =
    rapport.rejetees.length === 0 || (params.mode === "lignes-valides" && prets.length > 0);
  if (params.appliquer && applicable) {
    await db.transaction(async (tx) => {
      // One import of places at a time; if a place of these communes changed since the plan
      // was made, it is made again on what is there now.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cnfs:import-lieux'))`);
      const actuelle = empreinte(
        await tx
          .select({ id: lieu.id, dateMaj: lieu.dateMaj })
          .from(lieu)
          .where(or(inArray(lieu.communeCode, communes), inArray(lieu.id, plan.connus))),
      );
      if (actuelle !== plan.empreinte) plan = await planifier(tx, prets, communes);
      for (let i = 0; i < plan.nouveaux.length; i += LOT_ECRITURE)
        await ecrireEnLot(tx, "insert", plan.nouveaux.slice(i, i + LOT_ECRITURE));
      for (let i = 0; i < plan.fusions.length; i += LOT_ECRITURE)
        await ecrireEnLot(
          tx,
          "update",
          plan.fusions.slice(i, i + LOT_ECRITURE).map((f) => ({ id: f.lieuId, ...f.colonnes })),
        );
      for (let i = 0; i < plan.identifiants.length; i += LOT_ECRITURE)
        await ecrireIdentifiants(tx, plan.identifiants.slice(i, i + LOT_ECRITURE));
      await journaliser(tx, params.acteur, {
        action: "lieux.importes",
        cibleType: "import",
        cibleId: "lieux",
        apres: {
          lignes: rapport.lignes,
          creees: plan.nouveaux.length,
          fusionnees: plan.fusions.length,
          doublonsDuFichier: rapport.doublonsDuFichier,
          rejetees: rapport.rejetees.length,
          mode: params.mode ?? "tout-ou-rien",
        },
      });
      await params.travaux?.demander(tx, { nom: "donnees-ouvertes" });
    });
    rapport.applique = true;
  }
  rapport.creees = plan.nouveaux.length;
  rapport.fusionnees = plan.fusions.map((f) => ({ ligne: f.ligne, lieuId: f.lieuId, nom: f.nom }));
  return rapport;
}

/**
 * The rejected rows as a CSV the operator opens next to the file: one line per error, with the
 * spreadsheet's line number, the field, the French message and the original row.
 */
export function rapportDesRejets(rejetees: RapportImportLieux["rejetees"]): Buffer {
  const champs = [...new Set(rejetees.flatMap((r) => Object.keys(r.valeurs)))];
  const lignes = rejetees.flatMap((r) => r.erreurs.map((e) => ({ ...e, r })));
  return versCsv(
    [
      { titre: "ligne", valeur: (l) => l.r.ligne },
      { titre: "champ", valeur: (l) => l.champ },
      { titre: "message", valeur: (l) => l.message },
      ...champs.map((c) => ({ titre: c, valeur: (l: (typeof lignes)[number]) => l.r.valeurs[c] })),
    ],
    lignes,
  );
}

/** Rows per bulk statement: about 80 ms of work on the embedded database, which runs in this thread. */
const LOT_ECRITURE = 500;

type Plan = {
  empreinte: string;
  /** Stored places named by their producers' identifiers, wherever they are. */
  connus: string[];
  nouveaux: (ReturnType<typeof colonnes> & { id: string })[];
  fusions: { ligne: number; lieuId: string; nom: string; colonnes: ReturnType<typeof colonnes> }[];
  identifiants: (CleSource & { lieuId: string })[];
};

/** What the places a plan was made on are: their ids and update days, as one string. */
function empreinte(lieux: { id: string; dateMaj: string | null }[]): string {
  return lieux
    .map((l) => `${l.id}:${l.dateMaj}`)
    .sort()
    .join(",");
}

/**
 * Each place of the file matched to the stored place it is (merged), or new (created): first
 * the place one of its rows' identifiers already names, else the best match of its commune.
 */
async function planifier(db: Executeur, prets: Pret[], communes: string[]): Promise<Plan> {
  const cles = prets.flatMap((p) => p.cles);
  const identifies = await lignesSql<{ source: string; id_source: string; lieu_id: string }>(
    db,
    sql`select i.source, i.id_source, i.lieu_id from lieu_identifiant_source i
        join unnest(${tableauSql(
          cles.map((c) => c.source),
          "text",
        )}, ${tableauSql(
          cles.map((c) => c.id),
          "text",
        )}) as f(source, id_source) on f.source = i.source and f.id_source = i.id_source`,
  );
  const lieuDeCle = new Map(identifies.map((x) => [`${x.source}\u0000${x.id_source}`, x.lieu_id]));
  const connus = [...new Set(identifies.map((x) => x.lieu_id))];
  const existants = (
    await db
      .select({ lieu, nomCommune: commune.nom })
      .from(lieu)
      .innerJoin(commune, eq(commune.code, lieu.communeCode))
      .where(or(inArray(lieu.communeCode, communes), inArray(lieu.id, connus)))
  ).map((e) => ({
    ...e,
    // Computed once per stored place, not once per pair compared.
    cle: {
      nom: e.lieu.nom,
      adresse: e.lieu.adresse,
      siret: e.lieu.pivot,
      communeCode: e.lieu.communeCode ?? "",
      latitude: e.lieu.latitude,
      longitude: e.lieu.longitude,
    },
  }));
  const existantsParCommune = parCommune(existants, (e) => e.cle.communeCode);
  const existantParId = new Map(existants.map((e) => [e.lieu.id, e]));
  const plan: Plan = {
    empreinte: empreinte(existants.map((e) => e.lieu)),
    connus,
    nouveaux: [],
    fusions: [],
    identifiants: [],
  };
  const dejaFusionnes = new Set<string>();
  const parCle = new Map<string, CleSource & { lieuId: string }>();
  for (const [i, p] of prets.entries()) {
    await cederLaMain(i);
    const nomme = p.cles
      .map((c) => existantParId.get(lieuDeCle.get(`${c.source}\u0000${c.id}`) ?? ""))
      .find((e) => e !== undefined);
    const cle = comparable(p);
    const meilleur =
      nomme ??
      (existantsParCommune.get(p.communeCode) ?? [])
        .filter((e) => !dejaFusionnes.has(e.lieu.id))
        .map((e) => ({ e, score: scoreMemeLieu(e.cle, cle) }))
        .filter((x) => x.score >= SEUIL_MEME_LIEU)
        .sort((a, b) => b.score - a.score)[0]?.e;
    let lieuId: string;
    if (meilleur) {
      const fusion = fusionner(depuisLigne(meilleur.lieu, meilleur.nomCommune), p.lieu);
      lieuId = meilleur.lieu.id;
      dejaFusionnes.add(lieuId);
      plan.fusions.push({
        ligne: p.ligne,
        lieuId,
        nom: fusion.nom,
        colonnes: colonnes({ ...p, lieu: fusion }),
      });
    } else {
      lieuId = randomUUID();
      plan.nouveaux.push({ id: lieuId, ...colonnes(p) });
    }
    for (const c of p.cles) parCle.set(`${c.source}\u0000${c.id}`, { ...c, lieuId });
  }
  // A file that repeats an identifier writes it once (its last row wins): an upsert may not
  // touch one row twice in one statement.
  plan.identifiants = [...parCle.values()];
  return plan;
}

/** A producer's identifiers point at the place their rows became (the last import wins). */
async function ecrireIdentifiants(
  tx: Executeur,
  identifiants: (CleSource & { lieuId: string })[],
): Promise<void> {
  if (identifiants.length === 0) return;
  await tx.execute(sql`insert into lieu_identifiant_source (source, id_source, lieu_id)
      select source, id_source, lieu_id from jsonb_to_recordset(${JSON.stringify(
        identifiants.map((x) => ({ source: x.source, id_source: x.id, lieu_id: x.lieuId })),
      )}::jsonb) as v(source text, id_source text, lieu_id uuid)
      on conflict (source, id_source) do update set lieu_id = excluded.lieu_id`);
}

const COLONNES_SQL = getTableColumns(lieu);

/**
 * Many rows in one statement, passed as one JSON document (one parameter, whatever the number
 * of rows): insert new places (each carries its id, made in the plan so that identifiers can
 * point at it), or update merged ones found by id.
 */
async function ecrireEnLot(
  tx: Executeur,
  mode: "insert" | "update",
  rangees: (Partial<ReturnType<typeof colonnes>> & { id?: string })[],
): Promise<void> {
  if (rangees.length === 0) return;
  if (mode === "insert") {
    await insererEnLot(tx, lieu, rangees as (typeof lieu.$inferInsert)[]);
    return;
  }
  const cles = Object.keys(rangees[0]!).filter((k) => k !== "id") as (keyof typeof COLONNES_SQL)[];
  const noms = cles.map((k) => COLONNES_SQL[k].name);
  const document = JSON.stringify(
    rangees.map((r) =>
      Object.fromEntries([
        ...(r.id ? [["id", r.id]] : []),
        ...cles.map((k, i) => [noms[i], (r as Record<string, unknown>)[k] ?? null]),
      ]),
    ),
  );
  await tx.execute(
    sql`update lieu set ${sql.join(
      noms.map((n) => sql`${sql.identifier(n)} = v.${sql.identifier(n)}`),
      sql`, `,
    )}
        from jsonb_populate_recordset(null::lieu, ${document}::jsonb) v
        where lieu.id = v.id`,
  );
}
