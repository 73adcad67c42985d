import { z } from "zod";
import { telephoneSchema, texteObligatoire } from "../champs.ts";
import { codeCommuneSchema } from "../territoire.ts";
import { emailSchema } from "../utilisateur.ts";
import { ridetValide, siretValide } from "./siret.ts";

/** Legal kinds of a host structure; the first six are public bodies. */
export const TYPES_JURIDIQUES = {
  commune: "Commune",
  epci: "EPCI (intercommunalité)",
  departement: "Département",
  region: "Région",
  autre_collectivite: "Autre collectivité ou établissement public (CCAS, CIAS…)",
  gip: "Groupement d'intérêt public (GIP)",
  association: "Association",
  entreprise_ess: "Entreprise de l'économie sociale et solidaire",
  autre_prive: "Autre structure privée",
} as const;

export type TypeJuridique = keyof typeof TYPES_JURIDIQUES;
/** The sector of a structure, which sets its subsidy per post (docs/domaine/programme.md). */
export const SECTEURS = ["public", "prive"] as const;
export type Secteur = (typeof SECTEURS)[number];

const PUBLICS: readonly TypeJuridique[] = [
  "commune",
  "epci",
  "departement",
  "region",
  "autre_collectivite",
  "gip",
];

export function secteurDe(type: TypeJuridique): Secteur {
  return PUBLICS.includes(type) ? "public" : "prive";
}

export const MOTIVATION_MAX = 2_500;

/** The public application form of a structure (docs/domaine/recrutement.md §4.1). */
export const candidatureStructureSchema = z
  .object({
    amiId: z.uuid("Choisissez l'appel à manifestation d'intérêt."),
    identifiant: z
      .string({ error: "Le SIRET est obligatoire." })
      .trim()
      .transform((v) => v.replace(/\s/g, ""))
      .refine((v) => siretValide(v) || ridetValide(v), {
        message:
          "Le SIRET doit compter 14 chiffres avec une clé valide (ou un RIDET pour la Nouvelle-Calédonie).",
      }),
    typeJuridique: z.enum(Object.keys(TYPES_JURIDIQUES) as [TypeJuridique, ...TypeJuridique[]], {
      error: "Choisissez le type de structure.",
    }),
    nom: texteObligatoire("Le nom de la structure", 200),
    adresse: texteObligatoire("L'adresse", 300),
    communeCode: codeCommuneSchema,
    contact: z
      .object({
        prenom: texteObligatoire("Le prénom du contact", 100),
        nom: texteObligatoire("Le nom du contact", 100),
        fonction: texteObligatoire("La fonction du contact", 100),
        email: emailSchema,
        telephone: telephoneSchema(
          /^(0\d{9}|\+\d{8,14})$/,
          "Le téléphone doit compter 10 chiffres (ex. 03 21 00 00 00).",
        ),
      })
      .strict(),
    postesDemandes: z.coerce
      .number({ error: "Indiquez le nombre de postes souhaités." })
      .int("Le nombre de postes doit être un nombre entier.")
      .min(1, "Demandez au moins un poste.")
      .max(50, "Une demande ne peut pas dépasser 50 postes."),
    dateDebutSouhaitee: z.iso.date("La date de début souhaitée doit être une date (AAAA-MM-JJ)."),
    motivation: texteObligatoire("La motivation", MOTIVATION_MAX, { multiligne: true }),
    coordinateur: z.enum(["non", "temps_partiel", "temps_plein"], {
      error: "Précisez la candidature au poste de coordinateur.",
    }),
    engagement: z.literal(true, {
      error: "Vous devez cocher l'engagement pour déposer la candidature.",
    }),
  })
  .strict();

export type CandidatureStructure = z.infer<typeof candidatureStructureSchema>;
