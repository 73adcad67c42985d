import { setImmediate as tourSuivant } from "node:timers/promises";
import { eq, getTableColumns, inArray, sql } from "drizzle-orm";
import {
  fusionner,
  type LieuStandardImporte,
  lieuStandardSchema,
} from "../../domain/lieux/import-standard.ts";
import { SEUIL_MEME_LIEU, scoreMemeLieu } from "../../domain/lieux/lieu.ts";
import { type Db, type Executeur, tableauSql } from "../db/client.ts";
import { commune, lieu } from "../db/schema.ts";
import { type Acteur, journaliser } from "../journal/journal.ts";

/** Two rows of one file are one place from this score on (the ETL's in-source threshold, §5). */
export const SEUIL_MEME_SOURCE = 90;

type Erreur = { champ: string; message: string };
export type RapportImportLieux = {
  lignes: number;
  valides: number;
  rejetees: { ligne: number; erreurs: Erreur[] }[];
  creees: number;
  fusionnees: { ligne: number; lieuId: string; nom: string }[];
  doublonsDuFichier: number;
  applique: boolean;
};

export type Pret = {
  ligne: number;
  lieu: LieuStandardImporte;
  communeCode: string;
  departementCode: string;
  regionCode: string;
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
export function ajouterOuFusionner(blocs: Map<string, Pret[]>, pret: Pret): boolean {
  const bloc = blocs.get(pret.communeCode);
  const cle = comparable(pret);
  const jumeau = bloc?.find((p) => scoreMemeLieu(comparable(p), cle) >= SEUIL_MEME_SOURCE);
  if (jumeau) {
    jumeau.lieu = fusionner(jumeau.lieu, pret.lieu);
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

type Commune = typeof commune.$inferSelect;

/**
 * The communes a file names, read at once (its INSEE codes and postcodes), and how to find a
 * record's: its INSEE code, else its name among the communes of its postcode.
 */
async function communesDuFichier(tx: Executeur, lieux: LieuStandardImporte[]) {
  const codes = [...new Set(lieux.flatMap((l) => (l.code_insee ? [l.code_insee] : [])))];
  const postaux = [...new Set(lieux.filter((l) => !l.code_insee).map((l) => l.code_postal))];
  const lues: Commune[] =
    codes.length + postaux.length === 0
      ? []
      : await tx
          .select()
          .from(commune)
          .where(
            sql`${commune.code} = any(${tableauSql(codes, "text")})
              or (${commune.type} = 'commune-actuelle'
                  and ${commune.codesPostaux} && ${tableauSql(postaux, "text")})`,
          );
  const parCode = new Map(lues.map((c) => [c.code, c]));
  return (l: LieuStandardImporte): Commune | null =>
    l.code_insee
      ? (parCode.get(l.code_insee) ?? null)
      : (lues.find(
          (c) =>
            c.type === "commune-actuelle" &&
            c.codesPostaux.includes(l.code_postal) &&
            c.nom.toLowerCase() === l.commune.toLowerCase(),
        ) ?? null);
}

/**
 * Imports a file of the national standard: each row checked, the rows of one place merged, each
 * place merged into the stored place it matches (same commune, similar name and address, within
 * about 50 m — lieux-et-carte.md §5) or created. All or nothing: a single rejected row, or
 * `appliquer` false, leaves the database untouched and returns the report.
 */
export async function importerLieux(
  db: Db,
  params: {
    lignes: unknown[];
    appliquer: boolean;
    acteur: Acteur;
    /** A hub imports for its territory only; absent: anywhere (admin). */
    departements?: string[];
  },
): Promise<RapportImportLieux> {
  const rapport: RapportImportLieux = {
    lignes: params.lignes.length,
    valides: 0,
    rejetees: [],
    creees: 0,
    fusionnees: [],
    doublonsDuFichier: 0,
    applique: false,
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
  const communeDe = await communesDuFichier(
    db,
    lus.flatMap((r) => (r.success ? [r.data] : [])),
  );
  for (const [i, r] of lus.entries()) {
    await cederLaMain(i);
    if (!r.success) {
      rapport.rejetees.push({
        ligne: i + 1,
        erreurs: r.error.issues.map((x) => ({
          champ: String(x.path[0] ?? ""),
          message: x.message,
        })),
      });
      continue;
    }
    const c = communeDe(r.data);
    if (!c) {
      rapport.rejetees.push({
        ligne: i + 1,
        erreurs: [{ champ: "code_insee", message: "Commune inconnue du référentiel officiel." }],
      });
      continue;
    }
    if (params.departements && !params.departements.includes(c.departementCode)) {
      rapport.rejetees.push({
        ligne: i + 1,
        erreurs: [{ champ: "code_insee", message: "Ce lieu est hors de votre territoire." }],
      });
      continue;
    }
    const pret = {
      ligne: i + 1,
      lieu: r.data,
      communeCode: c.code,
      departementCode: c.departementCode,
      regionCode: c.regionCode,
    };
    if (ajouterOuFusionner(pretsParCommune, pret)) rapport.doublonsDuFichier++;
    else prets.push(pret);
  }
  rapport.valides = params.lignes.length - rapport.rejetees.length;
  const communes = [...new Set(prets.map((p) => p.communeCode))];
  let plan = await planifier(db, prets, communes);
  if (params.appliquer && rapport.rejetees.length === 0) {
    await db.transaction(async (tx) => {
      // One import of places at a time; if a place of these communes changed since the plan
      // was made, it is made again on what is there now.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cnfs:import-lieux'))`);
      const actuelle = empreinte(
        await tx
          .select({ id: lieu.id, dateMaj: lieu.dateMaj })
          .from(lieu)
          .where(inArray(lieu.communeCode, communes)),
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
      await journaliser(tx, params.acteur, {
        action: "lieux.importes",
        cibleType: "import",
        cibleId: "lieux",
        apres: {
          lignes: rapport.lignes,
          creees: plan.nouveaux.length,
          fusionnees: plan.fusions.length,
          doublonsDuFichier: rapport.doublonsDuFichier,
        },
      });
    });
    rapport.applique = true;
  }
  rapport.creees = plan.nouveaux.length;
  rapport.fusionnees = plan.fusions.map((f) => ({ ligne: f.ligne, lieuId: f.lieuId, nom: f.nom }));
  return rapport;
}

/** Rows per bulk statement: about 80 ms of work on the embedded database, which runs in this thread. */
const LOT_ECRITURE = 500;

type Plan = {
  empreinte: string;
  nouveaux: ReturnType<typeof colonnes>[];
  fusions: { ligne: number; lieuId: string; nom: string; colonnes: ReturnType<typeof colonnes> }[];
};

/** What the places a plan was made on are: their ids and update days, as one string. */
function empreinte(lieux: { id: string; dateMaj: string | null }[]): string {
  return lieux
    .map((l) => `${l.id}:${l.dateMaj}`)
    .sort()
    .join(",");
}

/** Each place of the file matched to the stored place it is (merged), or new (created). */
async function planifier(db: Executeur, prets: Pret[], communes: string[]): Promise<Plan> {
  const existants = (
    await db
      .select({ lieu, nomCommune: commune.nom })
      .from(lieu)
      .innerJoin(commune, eq(commune.code, lieu.communeCode))
      .where(inArray(lieu.communeCode, communes))
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
  const plan: Plan = {
    empreinte: empreinte(existants.map((e) => e.lieu)),
    nouveaux: [],
    fusions: [],
  };
  for (const [i, p] of prets.entries()) {
    await cederLaMain(i);
    const cle = comparable(p);
    const meilleur = (existantsParCommune.get(p.communeCode) ?? [])
      .map((e) => ({
        e,
        score: scoreMemeLieu(e.cle, cle),
      }))
      .filter((x) => x.score >= SEUIL_MEME_LIEU)
      .sort((a, b) => b.score - a.score)[0];
    if (meilleur) {
      const fusion = fusionner(depuisLigne(meilleur.e.lieu, meilleur.e.nomCommune), p.lieu);
      plan.fusions.push({
        ligne: p.ligne,
        lieuId: meilleur.e.lieu.id,
        nom: fusion.nom,
        colonnes: colonnes({ ...p, lieu: fusion }),
      });
    } else plan.nouveaux.push(colonnes(p));
  }
  return plan;
}

const COLONNES_SQL = getTableColumns(lieu);

/**
 * Many rows in one statement, passed as one JSON document read by `jsonb_populate_recordset`
 * (one parameter, whatever the number of rows): insert new places, or update merged ones by id.
 */
async function ecrireEnLot(
  tx: Executeur,
  mode: "insert" | "update",
  rangees: (Partial<ReturnType<typeof colonnes>> & { id?: string })[],
): Promise<void> {
  if (rangees.length === 0) return;
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
  const liste = sql.join(
    noms.map((n) => sql.identifier(n)),
    sql`, `,
  );
  if (mode === "insert") {
    await tx.execute(
      sql`insert into lieu (${liste})
          select ${liste} from jsonb_populate_recordset(null::lieu, ${document}::jsonb)`,
    );
    return;
  }
  await tx.execute(
    sql`update lieu set ${sql.join(
      noms.map((n) => sql`${sql.identifier(n)} = v.${sql.identifier(n)}`),
      sql`, `,
    )}
        from jsonb_populate_recordset(null::lieu, ${document}::jsonb) v
        where lieu.id = v.id`,
  );
}
