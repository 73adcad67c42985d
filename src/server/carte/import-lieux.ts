import { and, eq, ilike, inArray, sql } from "drizzle-orm";
import {
  fusionner,
  type LieuStandardImporte,
  lieuStandardSchema,
} from "../../domain/lieux/import-standard.ts";
import { SEUIL_MEME_LIEU, scoreMemeLieu } from "../../domain/lieux/lieu.ts";
import type { Db, Executeur } from "../db/client.ts";
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

/** The commune of a record: its INSEE code, else its name among the communes of its postcode. */
async function communeDe(tx: Executeur, l: LieuStandardImporte) {
  const [c] = await tx
    .select()
    .from(commune)
    .where(
      l.code_insee
        ? eq(commune.code, l.code_insee)
        : and(
            eq(commune.type, "commune-actuelle"),
            ilike(commune.nom, l.commune),
            sql`${l.code_postal} = any(${commune.codesPostaux})`,
          ),
    )
    .limit(1);
  return c ?? null;
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
      for (const [i, brute] of params.lignes.entries()) {
        const r = lieuStandardSchema.safeParse(brute);
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
        const c = await communeDe(tx, r.data);
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
        } else {
          await tx.insert(lieu).values(colonnes(p));
          rapport.creees++;
        }
      }
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
