import { z } from "zod";
import { telephoneSchema, texteObligatoire } from "../champs.ts";
import { echec, type Refus } from "../erreurs.ts";
import { machine } from "../machine.ts";
import { codeCommuneSchema } from "../territoire.ts";
import { emailSchema } from "../utilisateur.ts";
import { niveauxPixSchema } from "./formation.ts";

export const MOTIVATION_CANDIDAT_MAX = 2_500;

/** Maximum distances offered; 2,000 km stands for the whole of France (original value). */
export const DISTANCES_MAX_KM = [5, 10, 15, 20, 40, 100, 2000] as const;

export const SITUATIONS = {
  demandeur_emploi: "Demandeur d'emploi",
  en_emploi: "En emploi",
  en_formation: "En formation",
  diplome_mediation: "Diplômé en médiation numérique",
  experience_mediation: "Expérience en médiation numérique",
} as const;
export type Situation = keyof typeof SITUATIONS;

const identite = () => ({
  prenom: texteObligatoire("Le prénom", 100),
  nom: texteObligatoire("Le nom", 100),
});

const profil = (aujourdhui: string | undefined) => ({
  telephone: telephoneSchema(
    /^(0\d{9}|\+\d{11,12})$/,
    "Le téléphone doit compter 10 chiffres, ou commencer par + suivi de 11 ou 12 chiffres.",
  ),
  communeCode: codeCommuneSchema,
  situations: z
    .array(
      z.enum(Object.keys(SITUATIONS) as [Situation, ...Situation[]], {
        error: "Situation inconnue.",
      }),
    )
    .min(1, "Indiquez au moins une situation."),
  diplome: z
    .string()
    .trim()
    .max(200, "Le nom du diplôme ne doit pas dépasser 200 caractères.")
    .default(""),
  dateDisponibilite: z.iso
    .date("La date de disponibilité doit être une date (AAAA-MM-JJ).")
    .refine(
      (d) => aujourdhui === undefined || d >= aujourdhui,
      "La date de disponibilité doit être aujourd'hui ou plus tard.",
    ),
  distanceMaxKm: z.coerce
    .number({ error: "Choisissez la distance maximale." })
    .refine(
      (d) => (DISTANCES_MAX_KM as readonly number[]).includes(d),
      "Choisissez une distance proposée (5, 10, 15, 20, 40, 100 km ou toute la France).",
    ),
  motivation: texteObligatoire("La motivation", MOTIVATION_CANDIDAT_MAX, { multiligne: true }),
  pix: niveauxPixSchema.nullable().default(null),
});

const diplomeNomme = (c: { situations: Situation[]; diplome: string }) =>
  !c.situations.includes("diplome_mediation") || c.diplome.length > 0;
const DIPLOME_A_NOMMER = {
  message: "Indiquez le nom du diplôme en médiation numérique.",
  path: ["diplome"],
};

/**
 * The public application of a candidate (docs/domaine/recrutement.md §5.1). `aujourdhui` is passed in: the
 * domain reads no clock. Without it, the availability date is not compared to today: the API's
 * static body, the service checks the day (`refusDisponibilitePassee`).
 */
export function candidatSchema(aujourdhui?: string) {
  return z
    .object({ ...identite(), email: emailSchema, ...profil(aujourdhui) })
    .strict()
    .refine(diplomeNomme, DIPLOME_A_NOMMER);
}

/** The candidate's own profile, changed from their space: their address is the account's. */
export function profilCandidatSchema(aujourdhui?: string) {
  return z
    .object({ ...identite(), ...profil(aujourdhui) })
    .strict()
    .refine(diplomeNomme, DIPLOME_A_NOMMER);
}

export const corpsCandidatSchema = candidatSchema();
export const corpsProfilCandidatSchema = profilCandidatSchema();

export const DISPONIBILITE_PASSEE = "La date de disponibilité doit être aujourd'hui ou plus tard.";

/** An availability before today (Paris) is refused: the rule the static body cannot hold. */
export function refusDisponibilitePassee(date: string, aujourdhui: string): Refus | null {
  return date < aujourdhui ? echec("dateDisponibilite", DISPONIBILITE_PASSEE) : null;
}

export type Candidat = z.infer<ReturnType<typeof candidatSchema>>;

export const STATUTS_CANDIDATURE = {
  en_attente_confirmation: "En attente de confirmation du courriel",
  disponible: "Disponible",
  indisponible: "Indisponible",
  en_poste: "En poste",
  supprimee: "Supprimée",
} as const;
export type StatutCandidature = keyof typeof STATUTS_CANDIDATURE;

export type EvenementCandidature =
  | "confirmer_courriel"
  | "se_dire_indisponible"
  | "se_dire_disponible"
  | "etre_recrute"
  | "quitter_son_poste"
  | "supprimer";

/** docs/domaine/recrutement.md §5.2. */
export const transitionCandidature = machine<StatutCandidature, EvenementCandidature>({
  libellesStatuts: STATUTS_CANDIDATURE,
  libellesEvenements: {
    confirmer_courriel: "confirmer le courriel",
    se_dire_indisponible: "se déclarer indisponible",
    se_dire_disponible: "se déclarer disponible",
    etre_recrute: "valider un recrutement",
    quitter_son_poste: "revenir au vivier après la fin du contrat",
    supprimer: "supprimer la candidature",
  },
  transitions: {
    confirmer_courriel: { en_attente_confirmation: "disponible" },
    se_dire_indisponible: { disponible: "indisponible" },
    se_dire_disponible: { indisponible: "disponible" },
    etre_recrute: { disponible: "en_poste", indisponible: "en_poste" },
    quitter_son_poste: { en_poste: "disponible" },
    supprimer: {
      en_attente_confirmation: "supprimee",
      disponible: "supprimee",
      indisponible: "supprimee",
      en_poste: "supprimee",
    },
  },
});
