import { distance } from "fastest-levenshtein";
import { z } from "zod";
import { texteObligatoire } from "../champs.ts";
import { siretValide } from "../selection/siret.ts";
import { codeCommuneSchema } from "../territoire.ts";
import { sansAccents } from "../texte.ts";
import { GRILLE_FERMEE, type Grille, JOURS, problemesGrille } from "./horaires.ts";

/** Enumerations of the national standard v1.0.2, exact values (docs/domaine/lieux-et-carte.md §1.2). */
export const SERVICES = [
  "Aide aux démarches administratives",
  "Maîtrise des outils numériques du quotidien",
  "Insertion professionnelle via le numérique",
  "Utilisation sécurisée du numérique",
  "Parentalité et éducation avec le numérique",
  "Loisirs et créations numériques",
  "Compréhension du monde numérique",
  "Accès internet et matériel informatique",
  "Acquisition de matériel informatique à prix solidaire",
] as const;
export const PUBLICS_ADRESSES = [
  "Jeunes",
  "Étudiants",
  "Familles et/ou enfants",
  "Seniors",
  "Femmes",
] as const;
export const PRISES_EN_CHARGE = [
  "Surdité",
  "Handicaps moteurs",
  "Handicaps mentaux",
  "Illettrisme",
  "Langues étrangères (anglais)",
  "Langues étrangères (autres)",
  "Déficience visuelle",
] as const;
export const FRAIS = ["Gratuit", "Gratuit sous condition", "Payant"] as const;
export const MODALITES_ACCES = [
  "Se présenter",
  "Téléphoner",
  "Contacter par mail",
  "Prendre un RDV en ligne",
  "Ce lieu n'accueille pas de public",
  "Envoyer un mail avec une fiche de prescription",
] as const;
export const MODALITES_ACCOMPAGNEMENT = [
  "En autonomie",
  "Accompagnement individuel",
  "Dans un atelier collectif",
  "À distance",
] as const;
export const SANS_PUBLIC = "Ce lieu n'accueille pas de public";
export const ITINERANCES = ["Itinérant", "Fixe"] as const;

/** data·inclusion typology codes (docs/domaine/lieux-et-carte.md §1.3), the programme's usual ones first in the form. */
export const TYPOLOGIES_USUELLES = {
  MUNI: "Mairie",
  BIB: "Bibliothèque, médiathèque",
  RFS: "France Services",
  TIERS_LIEUX: "Tiers-lieu",
  FABLAB: "Fablab",
  EPN: "Espace public numérique",
  CCAS: "CCAS",
  CIAS: "CIAS",
  CS: "Centre social",
  CSC: "Centre socioculturel",
  EVS: "Espace de vie sociale",
  ASSO: "Association",
  LA_POSTE: "La Poste",
  FT: "France Travail",
  PIMMS: "PIMMS",
  MJC: "MJC",
} as const;
export const TYPOLOGIES = [
  "ACI",
  "ACIPHC",
  "AFPA",
  "AI",
  "ASE",
  "ASSO",
  "ASSO_CHOMEUR",
  "Autre",
  "AVIP",
  "BIB",
  "CAARUD",
  "CADA",
  "CAF",
  "CAP_EMPLOI",
  "CAVA",
  "CC",
  "CCAS",
  "CCONS",
  "CD",
  "CDAS",
  "CFP",
  "CHRS",
  "CHU",
  "CIAS",
  "CIDFF",
  "CITMET",
  "CMP",
  "CMS",
  "CPAM",
  "CPH",
  "CS",
  "CSAPA",
  "CSC",
  "DEETS",
  "DEPT",
  "DIPLP",
  "E2C",
  "EA",
  "EATT",
  "EI",
  "EITI",
  "ENM",
  "EPCI",
  "EPI",
  "EPIDE",
  "EPN",
  "ES",
  "ESAT",
  "ESS",
  "ETTI",
  "EVS",
  "FABLAB",
  "FABRIQUE",
  "FAIS",
  "FT",
  "GEIQ",
  "HUDA",
  "LA_POSTE",
  "MDE",
  "MDH",
  "MDEF",
  "MDPH",
  "MDS",
  "MJC",
  "ML",
  "MQ",
  "MSA",
  "MSAP",
  "MUNI",
  "OACAS",
  "ODC",
  "OF",
  "OIL",
  "OPCS",
  "PAD",
  "PENSION",
  "PI",
  "PIJ_BIJ",
  "PIMMS",
  "PJJ",
  "PLIE",
  "PREF",
  "PREVENTION",
  "REG",
  "RELAIS_LECTURE",
  "RESSOURCERIE",
  "RFS",
  "RS_FJT",
  "SCP",
  "SPIP",
  "TIERS_LIEUX",
  "UDAF",
] as const;

export const NATURES_LIEU = {
  principal: "Lieu principal",
  secondaire: "Lieu secondaire",
  itinerant: "Lieu visité en itinérance",
} as const;
export type NatureLieu = keyof typeof NATURES_LIEU;

const multiple = <T extends readonly [string, ...string[]]>(valeurs: T, nom: string) =>
  z
    .array(z.enum(valeurs, { error: `Valeur inconnue pour ${nom}.` }))
    .default([])
    .transform((l) => [...new Set(l)]);

const creneau = z.object({ debut: z.string(), fin: z.string() }).strict();
const grilleSchema = z
  .object(
    Object.fromEntries(JOURS.map((j) => [j, z.array(creneau).max(2)])) as Record<
      (typeof JOURS)[number],
      z.ZodArray<typeof creneau>
    >,
  )
  .strict()
  .default(GRILLE_FERMEE)
  .superRefine((g, ctx) => {
    for (const message of problemesGrille(g as Grille)) ctx.addIssue({ code: "custom", message });
  });

/** A place as a conseiller declares it (docs/domaine/lieux-et-carte.md §1, §3.2). */
export const lieuSchema = z
  .object({
    nom: texteObligatoire("Le nom du lieu", 200),
    siret: z
      .string()
      .trim()
      .transform((s) => s.replace(/\s/g, ""))
      .refine(
        (s) => s === "" || siretValide(s),
        "Le SIRET est invalide (14 chiffres, clé de contrôle).",
      )
      .default(""),
    adresse: texteObligatoire("L'adresse", 200),
    codePostal: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "Le code postal compte 5 chiffres."),
    communeCode: codeCommuneSchema,
    telephone: z.string().trim().max(30).default(""),
    courriel: z
      .union([z.literal(""), z.email("L'adresse électronique du lieu n'est pas valide.")])
      .default(""),
    priseRdv: z
      .union([
        z.literal(""),
        z.url({
          protocol: /^https?$/,
          error: "Le lien de prise de rendez-vous doit commencer par http:// ou https://.",
        }),
      ])
      .default(""),
    horaires: grilleSchema,
    typologies: multiple(TYPOLOGIES, "la typologie"),
    itinerance: multiple(ITINERANCES, "l'itinérance"),
    services: multiple(SERVICES, "les services"),
    publicsSpecifiquementAdresses: multiple(PUBLICS_ADRESSES, "les publics"),
    priseEnChargeSpecifique: multiple(PRISES_EN_CHARGE, "la prise en charge"),
    fraisACharge: multiple(FRAIS, "les frais"),
    modalitesAcces: multiple(MODALITES_ACCES, "les modalités d'accès"),
    modalitesAccompagnement: multiple(MODALITES_ACCOMPAGNEMENT, "les modalités d'accompagnement"),
    visibleCarte: z.boolean().default(true),
  })
  .strict()
  .transform((l) =>
    // A place without services welcomes no public, one with services does (docs/domaine/lieux-et-carte.md §1.4).
    l.services.length === 0
      ? {
          ...l,
          publicsSpecifiquementAdresses: [],
          priseEnChargeSpecifique: [],
          fraisACharge: [],
          modalitesAccompagnement: [],
          itinerance: [],
          modalitesAcces: [SANS_PUBLIC],
        }
      : { ...l, modalitesAcces: l.modalitesAcces.filter((m) => m !== SANS_PUBLIC) },
  );
export type Lieu = z.infer<typeof lieuSchema>;

/** Texts already cleaned: an import compares each name and address with many others. */
const propres = new Map<string, string>();
const PROPRES_MAX = 50_000;

function propre(s: string): string {
  let p = propres.get(s);
  if (p === undefined) {
    p = sansAccents(s).replace(/\s+/g, " ");
    if (propres.size >= PROPRES_MAX) propres.clear();
    propres.set(s, p);
  }
  return p;
}

/** Fuzzy ratio 0–100 of two texts, case, accents and spacing ignored. */
export function ratio(a: string, b: string): number {
  const x = propre(a);
  const y = propre(b);
  const longueur = Math.max(x.length, y.length);
  if (longueur === 0) return 100;
  return Math.round((1 - distance(x, y) / longueur) * 100);
}

type Comparable = {
  nom: string;
  adresse: string;
  siret: string | null;
  communeCode: string;
  latitude: number | null;
  longitude: number | null;
};

/** The standard's "no SIRET" placeholder: a row that carries it has no known identifier. */
export const PIVOT_INCONNU = "00000000000000";

/** A pivot that identifies an organisation: not the standard's placeholder (a run of zeros). */
export const pivotReel = (pivot: string | null | undefined): pivot is string =>
  Boolean(pivot) && !/^0+$/.test(pivot as string);

/**
 * "Is this the same place?" (docs/domaine/lieux-et-carte.md §5): same SIRET and address, or the ETL's score
 * (distance, name, address) at the cross-source threshold. Returns the score, 100 for a sure
 * match, 0 for another commune.
 */
export function scoreMemeLieu(a: Comparable, b: Comparable): number {
  if (a.communeCode !== b.communeCode) return 0;
  // The standard's all-zero placeholder is shared by every place without a SIRET: no evidence.
  if (pivotReel(a.siret) && a.siret === b.siret && ratio(a.adresse, b.adresse) >= 90) return 100;
  // Without a shared identifier only the name is evidence: a library, a social centre and an
  // association at one address stay three places.
  if (ratio(a.nom, b.nom) < NOM_MINIMAL) return 0;
  const d =
    a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null
      ? 0
      : Math.hypot(a.latitude - b.latitude, a.longitude - b.longitude);
  const scoreDistance = d < 0.0004 ? 100 : Math.trunc(100 / (1000 * d + 1));
  return Math.trunc((scoreDistance + ratio(a.nom, b.nom) + ratio(a.adresse, b.adresse)) / 3);
}
export const SEUIL_MEME_LIEU = 83;
/** Below this name similarity two places are two, whatever their address (bad-evidence guard). */
const NOM_MINIMAL = 80;
