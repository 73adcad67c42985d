import { and, asc, eq, inArray } from "drizzle-orm";
import { SITUATIONS } from "../../domain/recrutement/candidature.ts";
import { STATUTS_CONTRAT, TYPES_CONTRAT } from "../../domain/recrutement/contrat.ts";
import { STATUTS_FORMATION } from "../../domain/recrutement/formation.ts";
import { MOTIFS_RUPTURE, STATUTS_RUPTURE } from "../../domain/recrutement/rupture.ts";
import { predicatPerimetre, type SessionChargee, structureDeSession } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import { contrat, rupture, structure, utilisateur } from "../db/schema.ts";
import type { Colonne } from "../infra/export.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";
import { type FiltresContrats, listerContrats, type TriContrats } from "./suivi-queries.ts";
import { type FiltresVivier, origineVivier, rechercherVivier } from "./vivier-queries.ts";

/** An export holds the whole pool: more candidates than live in France. */
const TOUT_LE_VIVIER = 1_000_000;

type Ligne = Record<string, unknown>;
export type TableExport = { feuille: string; colonnes: Colonne<Ligne>[]; lignes: Ligne[] };

export const colonneExport = (
  titre: string,
  cle: string,
  libelles?: Record<string, string>,
): Colonne<Ligne> => ({
  titre,
  valeur: (l) => {
    const v = l[cle];
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return v;
    if (Array.isArray(v)) return v.map((x) => libelles?.[String(x)] ?? String(x)).join(", ");
    const texte = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return libelles?.[texte] ?? texte;
  },
});
const col = colonneExport;

/** The recruitments of a contracts' view (all of them by default), in the list's order. */
export async function exportRecrutements(
  tx: Executeur,
  connexion: SessionChargee,
  filtres: FiltresContrats & { tri?: TriContrats },
): Promise<TableExport> {
  const contrats = await listerContrats(tx, connexion, { ...filtres, limite: null });
  return {
    feuille: "Recrutements",
    colonnes: [
      col("Structure", "structure"),
      col("Département", "departementCode"),
      col("Prénom", "prenom"),
      col("Nom", "nom"),
      col("Type de contrat", "type", TYPES_CONTRAT),
      col("Début", "dateDebut"),
      col("Fin", "dateFin"),
      col("Statut", "statut", STATUTS_CONTRAT),
      col("Déclaré le", "dateDeclaration"),
      col("Signature attendue avant le", "dateLimiteSignature"),
      col("Signé le", "dateSignature"),
      col("Coordinateur", "coordinateurTexte"),
      col("Formation", "formationStatut", STATUTS_FORMATION),
    ],
    lignes: contrats.map((c) => ({
      ...c,
      coordinateurTexte: c.coordinateur ? "oui" : "non",
      formationStatut: c.formation?.statut ?? null,
    })),
  };
}

export async function exportRuptures(
  tx: Executeur,
  connexion: SessionChargee,
): Promise<TableExport> {
  const lignes = await tx
    .select({
      structure: structure.nom,
      departementCode: structure.departementCode,
      prenom: utilisateur.prenom,
      nom: utilisateur.nom,
      dateRupture: rupture.dateRupture,
      motif: rupture.motif,
      statut: rupture.statut,
      documents: rupture.documents,
      declareeLe: rupture.creeLe,
    })
    .from(rupture)
    .innerJoin(contrat, eq(contrat.id, rupture.contratId))
    .innerJoin(structure, eq(structure.id, contrat.structureId))
    .innerJoin(utilisateur, eq(utilisateur.id, contrat.utilisateurId))
    .where(
      and(
        predicatPerimetre(connexion, {
          ...colonnesPerimetreStructure,
          utilisateurId: contrat.utilisateurId,
        }),
        inArray(rupture.statut, ["declaree", "incomplete", "validee"]),
      ),
    )
    .orderBy(asc(rupture.dateRupture));
  return {
    feuille: "Ruptures",
    colonnes: [
      col("Structure", "structure"),
      col("Département", "departementCode"),
      col("Prénom", "prenom"),
      col("Nom", "nom"),
      col("Date de rupture", "dateRupture"),
      col("Motif", "motif", MOTIFS_RUPTURE),
      col("Statut", "statut", STATUTS_RUPTURE),
      col("Documents", "documents"),
      col("Déclarée le", "declareeLe"),
    ],
    lignes,
  };
}

/** The structure's pool as it stands today, filtered like its screen, nearest first, whole. */
export async function exportCandidats(
  tx: Executeur,
  connexion: SessionChargee,
  aujourdhui: string,
  filtres: Omit<FiltresVivier, "page">,
): Promise<TableExport> {
  const origine = await origineVivier(tx, structureDeSession(connexion), aujourdhui);
  const lignes =
    typeof origine === "string"
      ? []
      : await rechercherVivier(tx, origine, filtres, { limite: TOUT_LE_VIVIER });
  return {
    feuille: "Candidats",
    colonnes: [
      col("Identifiant", "id"),
      col("Prénom", "prenom"),
      col("Nom", "nom"),
      col("Commune", "commune"),
      col("Code postal", "codePostal"),
      col("Distance (km)", "distanceKm"),
      col("Disponible le", "dateDisponibilite"),
      col("Situation", "situations", SITUATIONS),
      col("Diplôme", "diplome"),
      col("Pix partagé", "pixTexte"),
      col("Votre avis", "relation", { preselectionnee: "Intéressé", ecartee: "Pas intéressé" }),
    ],
    lignes: lignes.map((l) => ({
      ...l,
      distanceKm: Math.round(l.distanceM / 100) / 10,
      pixTexte: l.pix ? "oui" : "non",
    })),
  };
}
