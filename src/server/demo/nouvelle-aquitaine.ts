import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { completerSiret } from "../../domain/selection/siret.ts";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import type { Db } from "../db/client.ts";
import {
  candidature,
  commune,
  contrat,
  habilitation,
  poste,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { type DecisionSeed, deposerEtDecider, type StructureSeed } from "./decisions-seed.ts";
import { PERSONAS } from "./personas.ts";

/**
 * The Nouvelle-Aquitaine figures of the programme (docs/domaine/programme.md §7): 36, 22 and 14 conseillers
 * planned in Haute-Vienne, Corrèze and Creuse; 457 hosted in the région, 64 % of them in public
 * structures. Posts come from the committee's decisions (same import as the operators'); the
 * 457 conseillers from their recruitments (contracts).
 */
export const SESSION_NOUVELLE_AQUITAINE = 4;

/** Posts granted per département of the région (the three quoted, then the others). */
const DOTATIONS: Record<string, number> = {
  "87": 36,
  "19": 22,
  "23": 14,
  "16": 40,
  "17": 50,
  "24": 40,
  "33": 110,
  "40": 35,
  "47": 30,
  "64": 55,
  "79": 25,
  "86": 23,
};
const RECRUTES_PUBLIC = 293;
const RECRUTES_PRIVE = 164;
const EMAIL_PREFET_NA = PERSONAS.find((p) => p.email.startsWith("prefet.na@"))!.email;

/** Structures of two posts in the largest communes of each département, 31 public in 50. */
async function structuresEtDecisions(db: Db) {
  const nouvelles: StructureSeed[] = [];
  const decisions: DecisionSeed[] = [];
  let rang = 0;
  for (const [dep, postes] of Object.entries(DOTATIONS)) {
    const communes = await db
      .select({ code: commune.code, nom: commune.nom, regionCode: commune.regionCode })
      .from(commune)
      .where(
        and(
          eq(commune.departementCode, dep),
          eq(commune.type, "commune-actuelle"),
          isNotNull(commune.population),
        ),
      )
      .orderBy(desc(commune.population), asc(commune.code))
      .limit(Math.ceil(postes / 2));
    communes.forEach((c, i) => {
      const publique = rang % 50 < 31;
      rang++;
      const siret = completerSiret(`3${dep.padStart(3, "0")}${String(i).padStart(5, "0")}0001`);
      nouvelles.push({
        nom: publique
          ? `Commune de ${c.nom} – médiation numérique`
          : `Association Numérique en partage – ${c.nom}`,
        siret,
        typeJuridique: publique ? "commune" : "association",
        secteur: publique ? "public" : "prive",
        communeCode: c.code,
        departementCode: dep,
        regionCode: c.regionCode,
      });
      decisions.push({
        siret,
        postes: Math.min(2, postes - 2 * i),
        prefet: EMAIL_PREFET_NA,
      });
    });
  }
  return { nouvelles, decisions };
}

/** The recruitments: the first posts of each sector filled, each with its conseiller. */
async function recruter(db: Db, sirets: string[], maintenant: Date): Promise<void> {
  const postes = await db
    .select({
      id: poste.id,
      structureId: poste.structureId,
      secteur: structure.secteur,
      communeCode: structure.communeCode,
      departementCode: structure.departementCode,
      regionCode: structure.regionCode,
    })
    .from(poste)
    .innerJoin(structure, eq(structure.id, poste.structureId))
    .where(inArray(structure.siret, sirets))
    .orderBy(asc(structure.siret), asc(poste.id));
  const pourvus = [
    ...postes.filter((p) => p.secteur === "public").slice(0, RECRUTES_PUBLIC),
    ...postes.filter((p) => p.secteur === "prive").slice(0, RECRUTES_PRIVE),
  ];
  const debut = ajouterJours(jourParis(maintenant), -7);
  await db.transaction(async (tx) => {
    const personnes = await tx
      .insert(utilisateur)
      .values(
        pourvus.map((_, i) => ({
          email: `conseiller.na.${i}@demo.conseiller-numerique.fr`,
          prenom: "Camille",
          nom: `Nouvelle-Aquitaine ${i + 1}`,
          invitationAccepteeLe: maintenant,
        })),
      )
      .returning({ id: utilisateur.id });
    await tx.insert(habilitation).values(
      pourvus.map((p, i) => ({
        utilisateurId: personnes[i]!.id,
        role: "conseiller",
        perimetre: { type: "soi" } as const,
        structureId: p.structureId,
      })),
    );
    const candidatures = await tx
      .insert(candidature)
      .values(
        pourvus.map((p, i) => ({
          utilisateurId: personnes[i]!.id,
          statut: "en_poste" as const,
          creeLe: maintenant,
          modifieLe: maintenant,
          communeCode: p.communeCode,
          departementCode: p.departementCode,
          regionCode: p.regionCode,
          dateDisponibilite: debut,
          distanceMaxKm: 20,
        })),
      )
      .returning({ id: candidature.id });
    await tx.insert(contrat).values(
      pourvus.map((p, i) => ({
        utilisateurId: personnes[i]!.id,
        candidatureId: candidatures[i]!.id,
        structureId: p.structureId,
        posteId: p.id,
        type: "cdd" as const,
        dateDebut: debut,
        dateFin: ajouterJours(debut, 730),
        salaireBrutMensuelCents: 180_000,
        heuresHebdo: 35,
        dateDeclaration: ajouterJours(debut, -3),
        dateLimiteSignature: ajouterJours(debut, 12),
        dateSignature: ajouterJours(debut, -2),
        statut: "actif" as const,
      })),
    );
    await tx
      .update(poste)
      .set({ statut: "pourvu" })
      .where(
        inArray(
          poste.id,
          pourvus.map((p) => p.id),
        ),
      );
  });
}

/** Files the applications, loads the decisions through the import, then the recruitments. */
export async function chargerNouvelleAquitaine(db: Db, maintenant: Date): Promise<void> {
  const { nouvelles, decisions } = await structuresEtDecisions(db);
  await deposerEtDecider(db, {
    maintenant,
    session: SESSION_NOUVELLE_AQUITAINE,
    nouvelles,
    decisions,
  });
  await recruter(
    db,
    nouvelles.map((s) => s.siret),
    maintenant,
  );
}
