import { and, eq, inArray } from "drizzle-orm";
import { completerSiret } from "../../domain/selection/siret.ts";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import type { Db, Executeur } from "../db/client.ts";
import {
  avisPrefet,
  commune,
  demandePostes,
  sessionComite,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { creerMessagerie } from "../infra/messagerie.ts";
import { acteurSysteme } from "../journal/journal.ts";
import { lireTableur } from "../selection/fichier-tableur.ts";
import { importerDecisions } from "../selection/import-decisions-service.ts";
import { PERSONAS, STRUCTURES_DEMO } from "./personas.ts";

const EMAIL_PREFET_62 = PERSONAS.find((p) => p.email.startsWith("prefet.62@"))!.email;
const EMAIL_PREFET_59 = PERSONAS.find((p) => p.email.startsWith("prefet.59@"))!.email;

/**
 * The Pas-de-Calais figures of the programme (programme.md §7): 62 posts on the préfet's
 * proposal, 10 of them in the arrondissement of Béthune to the structures named there; DEV and
 * YOU's post granted in the Nord; Emmaüs Connect's 3 posts through its national agreement,
 * without a préfet's opinion. The demo files the applications; the posts come from the
 * committee's decision file, loaded through the same import as an operator's.
 */
export const SESSION_PAS_DE_CALAIS = 3;

/** The ten posts of the arrondissement of Béthune, by demo structure. */
const BETHUNE: Record<string, number> = {
  pimms_bruay: 1,
  lillers: 1,
  cabbalr: 3,
  calonne: 1,
  laventie: 1,
  mjep: 1,
  houdain: 1,
  citeo: 1,
};

/** Communes of the five other arrondissements, two posts each: 52 posts. */
const AUTRES_COMMUNES = [
  "Arras",
  "Calais",
  "Boulogne-sur-Mer",
  "Saint-Omer",
  "Montreuil-sur-Mer",
  "Liévin",
  "Hénin-Beaumont",
  "Carvin",
  "Berck",
  "Étaples",
  "Outreau",
  "Le Portel",
  "Avion",
  "Bapaume",
  "Longuenesse",
  "Arques",
  "Saint-Martin-Boulogne",
  "Méricourt",
  "Harnes",
  "Sallaumines",
  "Courrières",
  "Oignies",
  "Marck",
  "Desvres",
  "Saint-Pol-sur-Ternoise",
  "Lens",
];

/** The structures the seed adds to the demo ones: an antenna of the PIMMS and 26 communes. */
function structuresAjoutees() {
  return [
    {
      cle: "pimms_bruay",
      nom: "PIMMS Médiation Artois-Gohelle – antenne de Bruay-la-Buissière",
      typeJuridique: "association",
      secteur: "prive",
      commune: "Bruay-la-Buissière",
      siret: completerSiret("4196339870005"),
    },
    ...AUTRES_COMMUNES.map((c, i) => ({
      cle: `commune_${i}`,
      nom: `Commune de ${c} – espace numérique`,
      typeJuridique: "commune",
      secteur: "public",
      commune: c,
      siret: completerSiret(`216200${String(700 + i).padStart(3, "0")}0001`),
    })),
  ];
}

const siretDe = (cle: string) =>
  STRUCTURES_DEMO.find((s) => s.cle === cle)?.siret ??
  structuresAjoutees().find((s) => s.cle === cle)!.siret;

/** The committee's decisions as its file says them: `siret;decision;postes;coselec`. */
export function fichierDecisionsPasDeCalais(): string {
  const lignes: [string, number][] = [
    ...Object.entries(BETHUNE).map(([cle, n]): [string, number] => [siretDe(cle), n]),
    ...AUTRES_COMMUNES.map((_, i): [string, number] => [siretDe(`commune_${i}`), 2]),
    [siretDe("devandyou"), 1],
    [siretDe("emmaus"), 3],
  ];
  return `siret;decision;postes;coselec\n${lignes
    .map(([siret, n]) => `${siret};Validation COSELEC;${n};COSELEC ${SESSION_PAS_DE_CALAIS}`)
    .join("\n")}\n`;
}

/**
 * The structures, their applications (with the préfet's
 * favourable opinion, except the national agreement's) and the committee session.
 */
async function deposerDemandesPasDeCalais(
  tx: Executeur,
  params: { maintenant: Date; prefets: { "62": string; "59": string } },
): Promise<void> {
  const ajoutees = structuresAjoutees();
  const communes = await tx
    .select({ code: commune.code, nom: commune.nom, regionCode: commune.regionCode })
    .from(commune)
    .where(
      and(
        eq(commune.departementCode, "62"),
        eq(commune.type, "commune-actuelle"),
        inArray(
          commune.nom,
          ajoutees.map((s) => s.commune),
        ),
      ),
    );
  await tx.insert(structure).values(
    ajoutees.map((s) => {
      const c = communes.find((x) => x.nom === s.commune)!;
      return {
        nom: s.nom,
        siret: s.siret,
        typeJuridique: s.typeJuridique,
        secteur: s.secteur,
        communeCode: c.code,
        departementCode: "62",
        regionCode: c.regionCode,
      };
    }),
  );
  const sirets = [
    ...Object.keys(BETHUNE),
    ...ajoutees.map((s) => s.cle),
    "devandyou",
    "emmaus",
  ].map(siretDe);
  const structures = await tx
    .select({
      id: structure.id,
      siret: structure.siret,
      departementCode: structure.departementCode,
    })
    .from(structure)
    .where(inArray(structure.siret, [...new Set(sirets)]));
  const demandes = await tx
    .insert(demandePostes)
    .values(
      structures.map((s) => ({
        structureId: s.id,
        nature: "initiale",
        statut: "deposee",
        postesDemandes: 3,
        motivation: "Candidature à l'appel à manifestation d'intérêt de 2021.",
      })),
    )
    .returning({ id: demandePostes.id, structureId: demandePostes.structureId });
  const emmaus = structures.find((s) => s.siret === siretDe("emmaus"))!.id;
  await tx.insert(avisPrefet).values(
    demandes
      .filter((d) => d.structureId !== emmaus)
      .map((d) => {
        const dep = structures.find((s) => s.id === d.structureId)!.departementCode;
        return {
          demandeId: d.id,
          avis: "favorable",
          commentaire: "Proposé par la préfecture au titre de la programmation départementale.",
          auteurId: dep === "59" ? params.prefets["59"] : params.prefets["62"],
        };
      }),
  );
  await tx.insert(sessionComite).values({
    numero: SESSION_PAS_DE_CALAIS,
    date: ajouterJours(jourParis(params.maintenant), -14),
  });
}

/**
 * Files the applications, then loads the committee's decision file through the operators'
 * import (its own transaction, like an upload).
 */
export async function chargerPasDeCalais(db: Db, maintenant: Date): Promise<void> {
  const prefets = await db
    .select({ id: utilisateur.id, email: utilisateur.email })
    .from(utilisateur)
    .where(inArray(utilisateur.email, [EMAIL_PREFET_62, EMAIL_PREFET_59]));
  const id = (email: string) => prefets.find((p) => p.email === email)!.id;
  await db.transaction((tx) =>
    deposerDemandesPasDeCalais(tx, {
      maintenant,
      prefets: { "62": id(EMAIL_PREFET_62), "59": id(EMAIL_PREFET_59) },
    }),
  );
  await importerDecisionsPasDeCalais(db, maintenant);
}

async function importerDecisionsPasDeCalais(db: Db, maintenant: Date): Promise<void> {
  const messagerie = creerMessagerie({
    db,
    smtpUrl: undefined,
    expediteur: "demo@conseiller-numerique.gouv.fr",
    log: { info: () => {}, error: () => {} },
    texteDansLeJournal: false,
  });
  const { rapport, courriels } = await importerDecisions(db, messagerie, {
    brutes: await lireTableur(Buffer.from(fichierDecisionsPasDeCalais()), "csv"),
    appliquer: true,
    acteur: acteurSysteme("job:demo", "cli"),
    maintenant,
    urlPublique: "http://localhost:3000",
  });
  if (!rapport.applique)
    throw new Error(`Décisions du Pas-de-Calais rejetées : ${JSON.stringify(rapport.rejetees)}`);
  await messagerie.distribuer(courriels);
}
