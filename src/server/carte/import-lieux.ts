import { eq, inArray, sql } from "drizzle-orm";
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
const SEUIL_MEME_SOURCE = 90;

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

type Pret = {
  ligne: number;
  lieu: LieuStandardImporte;
  communeCode: string;
  departementCode: string;
  regionCode: string;
};

class Annulation extends Error {}

const comparable = (p: Pret) => ({
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
  try {
    await db.transaction(async (tx) => {
      const prets: Pret[] = [];
      const lus = params.lignes.map((brute) => lieuStandardSchema.safeParse(brute));
      const communeDe = await communesDuFichier(
        tx,
        lus.flatMap((r) => (r.success ? [r.data] : [])),
      );
      for (const [i, r] of lus.entries()) {
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
            erreurs: [
              { champ: "code_insee", message: "Commune inconnue du référentiel officiel." },
            ],
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
        // Rows of this file that describe one place become one.
        const jumeau = prets.find(
          (p) => scoreMemeLieu(comparable(p), comparable(pret)) >= SEUIL_MEME_SOURCE,
        );
        if (jumeau) {
          jumeau.lieu = fusionner(jumeau.lieu, pret.lieu);
          rapport.doublonsDuFichier++;
        } else prets.push(pret);
      }
      rapport.valides = params.lignes.length - rapport.rejetees.length;
      const existants = await tx
        .select({ lieu, nomCommune: commune.nom })
        .from(lieu)
        .innerJoin(commune, eq(commune.code, lieu.communeCode))
        .where(inArray(lieu.communeCode, [...new Set(prets.map((p) => p.communeCode))]));
      const nouveaux: ReturnType<typeof colonnes>[] = [];
      for (const p of prets) {
        const meilleur = existants
          .map((e) => ({
            e,
            score: scoreMemeLieu(
              {
                nom: e.lieu.nom,
                adresse: e.lieu.adresse,
                siret: e.lieu.pivot,
                communeCode: e.lieu.communeCode ?? "",
                latitude: e.lieu.latitude,
                longitude: e.lieu.longitude,
              },
              comparable(p),
            ),
          }))
          .filter((x) => x.score >= SEUIL_MEME_LIEU)
          .sort((a, b) => b.score - a.score)[0];
        if (meilleur) {
          const fusion = fusionner(depuisLigne(meilleur.e.lieu, meilleur.e.nomCommune), p.lieu);
          await tx
            .update(lieu)
            .set(colonnes({ ...p, lieu: fusion }))
            .where(eq(lieu.id, meilleur.e.lieu.id));
          rapport.fusionnees.push({ ligne: p.ligne, lieuId: meilleur.e.lieu.id, nom: fusion.nom });
        } else nouveaux.push(colonnes(p));
      }
      // New places go in by batches, not one statement per row.
      for (let i = 0; i < nouveaux.length; i += 500)
        await tx.insert(lieu).values(nouveaux.slice(i, i + 500));
      rapport.creees = nouveaux.length;
      await journaliser(tx, params.acteur, {
        action: "lieux.importes",
        cibleType: "import",
        cibleId: "lieux",
        apres: {
          lignes: rapport.lignes,
          creees: rapport.creees,
          fusionnees: rapport.fusionnees.length,
          doublonsDuFichier: rapport.doublonsDuFichier,
        },
      });
      if (!params.appliquer || rapport.rejetees.length > 0) throw new Annulation();
      rapport.applique = true;
    });
  } catch (e) {
    if (!(e instanceof Annulation)) throw e;
  }
  return rapport;
}
