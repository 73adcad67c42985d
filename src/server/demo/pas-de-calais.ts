import { and, eq, inArray } from "drizzle-orm";
import { completerSiret } from "../../domain/selection/siret.ts";
import type { Db } from "../db/client.ts";
import { commune } from "../db/schema.ts";
import { type DecisionSeed, deposerEtDecider } from "./decisions-seed.ts";
import { PERSONAS, STRUCTURES_DEMO } from "./personas.ts";

const EMAIL_PREFET_62 = PERSONAS.find((p) => p.email.startsWith("prefet.62@"))!.email;
const EMAIL_PREFET_59 = PERSONAS.find((p) => p.email.startsWith("prefet.59@"))!.email;

/**
 * The Pas-de-Calais figures of the programme (docs/domaine/programme.md §7): 62 posts on the préfet's
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
const STRUCTURES_AJOUTEES = [
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

const siretDe = (cle: string) =>
  STRUCTURES_DEMO.find((s) => s.cle === cle)?.siret ??
  STRUCTURES_AJOUTEES.find((s) => s.cle === cle)!.siret;

/** The committee's decisions: the préfet of each département proposed its posts. */
function decisionsPasDeCalais(): DecisionSeed[] {
  const parPrefet = (siret: string, postes: number, dep: "62" | "59" | null) => ({
    siret,
    postes,
    prefet: dep === "62" ? EMAIL_PREFET_62 : dep === "59" ? EMAIL_PREFET_59 : null,
  });
  return [
    ...Object.entries(BETHUNE).map(([cle, n]) => parPrefet(siretDe(cle), n, "62")),
    ...AUTRES_COMMUNES.map((_, i) => parPrefet(siretDe(`commune_${i}`), 2, "62")),
    parPrefet(siretDe("devandyou"), 1, "59"),
    // The national agreement of the grand réseau: no préfet's opinion.
    parPrefet(siretDe("emmaus"), 3, null),
  ];
}

/** Files the applications, then loads the committee's decision file through the import. */
export async function chargerPasDeCalais(db: Db, maintenant: Date): Promise<void> {
  const ajoutees = STRUCTURES_AJOUTEES;
  const communes = await db
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
  await deposerEtDecider(db, {
    maintenant,
    session: SESSION_PAS_DE_CALAIS,
    nouvelles: ajoutees.map((s) => {
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
    decisions: decisionsPasDeCalais(),
  });
}
