import { asc, eq, sql } from "drizzle-orm";
import type { Role } from "../../domain/roles.ts";
import {
  NATURES_DEMANDE,
  type NatureDemande,
  STATUTS_DEMANDE,
  type StatutDemande,
} from "../../domain/selection/demande-postes.ts";
import { ISSUES_DECISION } from "../../domain/selection/instruction.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import {
  commune,
  decisionComite,
  demandePostes,
  departement,
  poste,
  sessionComite,
  structure,
} from "../db/schema.ts";
import {
  colonneExport,
  exportRecrutements,
  exportRuptures,
  type TableExport,
} from "../recrutement/index.ts";
import { conditionsDemandes, type FiltresDemandes } from "../selection/index.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";

/** The lists a scope can export, each read through the same scope as its screen. */
export const LISTES = [
  "demandes",
  "decisions",
  "postes-structures",
  "postes-departements",
  "recrutements",
  "ruptures",
] as const;
export type Liste = (typeof LISTES)[number];

/** Lists of persons are narrower than the route: a candidate's data goes to the structure only. */
const ROLES_PAR_LISTE: Partial<Record<Liste, readonly Role[]>> = {
  recrutements: ["admin", "prefet", "structure"],
  ruptures: ["admin", "prefet", "structure"],
};

type Table = TableExport;

/** Whether the session's role may export this list at all (its rows are then scoped). */
export function peutExporter(connexion: SessionChargee, liste: Liste): boolean {
  const autorises = ROLES_PAR_LISTE[liste];
  const role = connexion.habilitation?.role;
  return !autorises || (role !== undefined && autorises.includes(role));
}

const col = colonneExport;

/** Each export reads through the same scope as the screens: a préfet exports its territory only. */
export async function listeExportee(
  db: Executeur,
  connexion: SessionChargee,
  liste: Liste,
  filtres: Omit<FiltresDemandes, "page" | "parPage">,
  aujourdhui: string,
): Promise<Table> {
  const perimetre = predicatPerimetre(connexion, colonnesPerimetreStructure);
  switch (liste) {
    case "recrutements":
      return exportRecrutements(db, connexion, { vue: "tous", aujourdhui });
    case "ruptures":
      return exportRuptures(db, connexion);
    case "demandes":
      return {
        feuille: "Demandes",
        colonnes: [
          col("Structure", "nom"),
          col("SIRET", "siret"),
          col("Secteur", "secteur"),
          col("Commune", "commune"),
          col("Département", "departementCode"),
          col("Nature", "nature", NATURES_DEMANDE as Record<NatureDemande, string>),
          col("Statut", "statut", STATUTS_DEMANDE as Record<StatutDemande, string>),
          col("Postes demandés", "postesDemandes"),
          col("Déposée le", "creeLe"),
        ],
        lignes: await db
          .select({
            nom: structure.nom,
            siret: structure.siret,
            secteur: structure.secteur,
            commune: commune.nom,
            departementCode: structure.departementCode,
            nature: demandePostes.nature,
            statut: demandePostes.statut,
            postesDemandes: demandePostes.postesDemandes,
            creeLe: demandePostes.creeLe,
          })
          .from(demandePostes)
          .innerJoin(structure, eq(structure.id, demandePostes.structureId))
          .innerJoin(commune, eq(commune.code, structure.communeCode))
          // The whole filtered set the screen pages through.
          .where(conditionsDemandes(db, connexion, filtres))
          .orderBy(asc(structure.departementCode), asc(structure.nom)),
      };
    case "decisions":
      return {
        feuille: "Décisions",
        colonnes: [
          col("COSELEC", "numero"),
          col("Date du comité", "date"),
          col("Structure", "nom"),
          col("SIRET", "siret"),
          col("Département", "departementCode"),
          col("Décision", "issue", ISSUES_DECISION),
          col("Postes", "postesAccordes"),
        ],
        lignes: await db
          .select({
            numero: sessionComite.numero,
            date: sessionComite.date,
            nom: structure.nom,
            siret: structure.siret,
            departementCode: structure.departementCode,
            issue: decisionComite.issue,
            postesAccordes: decisionComite.postesAccordes,
          })
          .from(decisionComite)
          .innerJoin(demandePostes, eq(demandePostes.id, decisionComite.demandeId))
          .innerJoin(structure, eq(structure.id, demandePostes.structureId))
          .leftJoin(sessionComite, eq(sessionComite.id, decisionComite.sessionComiteId))
          .where(perimetre)
          .orderBy(asc(sessionComite.numero), asc(structure.nom)),
      };
    case "postes-structures":
      return {
        feuille: "Postes par structure",
        colonnes: [
          col("Structure", "nom"),
          col("SIRET", "siret"),
          col("Secteur", "secteur"),
          col("Département", "departementCode"),
          col("Postes attribués", "attribues"),
          col("Vacants", "vacants"),
          col("Pourvus", "pourvus"),
          col("Rendus", "rendus"),
          col("Plafond total (€)", "plafondEuros"),
        ],
        lignes: await db
          .select({
            nom: structure.nom,
            siret: structure.siret,
            secteur: structure.secteur,
            departementCode: structure.departementCode,
            attribues: sql<number>`count(*)::int`,
            vacants: sql<number>`count(*) filter (where ${poste.statut} = 'vacant')::int`,
            pourvus: sql<number>`count(*) filter (where ${poste.statut} = 'pourvu')::int`,
            rendus: sql<number>`count(*) filter (where ${poste.statut} = 'rendu')::int`,
            plafondEuros: sql<number>`(sum(${poste.plafondCents}) filter (where ${poste.statut} <> 'rendu') / 100)::int`,
          })
          .from(poste)
          .innerJoin(structure, eq(structure.id, poste.structureId))
          .where(perimetre)
          .groupBy(structure.id)
          .orderBy(asc(structure.departementCode), asc(structure.nom)),
      };
    case "postes-departements":
      return {
        feuille: "Postes par département",
        colonnes: [
          col("Département", "code"),
          col("Nom", "nom"),
          col("Structures dotées", "structures"),
          col("Postes attribués", "attribues"),
          col("Vacants", "vacants"),
          col("Pourvus", "pourvus"),
          col("Rendus", "rendus"),
        ],
        lignes: await db
          .select({
            code: departement.code,
            nom: departement.nom,
            structures: sql<number>`count(distinct ${structure.id})::int`,
            attribues: sql<number>`count(*)::int`,
            vacants: sql<number>`count(*) filter (where ${poste.statut} = 'vacant')::int`,
            pourvus: sql<number>`count(*) filter (where ${poste.statut} = 'pourvu')::int`,
            rendus: sql<number>`count(*) filter (where ${poste.statut} = 'rendu')::int`,
          })
          .from(poste)
          .innerJoin(structure, eq(structure.id, poste.structureId))
          .innerJoin(departement, eq(departement.code, structure.departementCode))
          .where(perimetre)
          .groupBy(departement.code, departement.nom)
          .orderBy(asc(departement.code)),
      };
  }
}
