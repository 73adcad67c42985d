import { z } from "zod";
import { machine } from "../machine.ts";
import { ajouterJours } from "../temps.ts";

/** The four paths set by the provider's positioning (docs/domaine/formation.md §1). */
export const PARCOURS_HEURES = [105, 280, 350, 420] as const;
export const DELAI_DEPART_JOURS = 15;

export const MODALITES_FORMATION = {
  presentiel: "Présentiel",
  distanciel: "Distanciel",
  mixte: "Mixte",
} as const;
export type ModaliteFormation = keyof typeof MODALITES_FORMATION;

export const STATUTS_FORMATION = {
  a_inscrire: "À inscrire",
  inscrite: "Inscrite",
  positionnee: "Positionnée",
  en_cours: "En cours",
  terminee: "Terminée",
  abandonnee: "Abandonnée",
  dispensee: "Dispensée",
} as const;
export type StatutFormation = keyof typeof STATUTS_FORMATION;
export type EvenementFormation =
  | "inscrire"
  | "positionner"
  | "commencer"
  | "terminer"
  | "abandonner"
  | "dispenser";

/** docs/domaine/formation.md §4.1. */
export const transitionFormation = machine<StatutFormation, EvenementFormation>({
  libellesStatuts: STATUTS_FORMATION,
  libellesEvenements: {
    inscrire: "enregistrer l'inscription",
    positionner: "enregistrer le positionnement",
    commencer: "enregistrer le début de la formation",
    terminer: "enregistrer la fin de la formation",
    abandonner: "enregistrer l'abandon",
    dispenser: "dispenser de formation",
  },
  transitions: {
    inscrire: { a_inscrire: "inscrite" },
    positionner: { inscrite: "positionnee" },
    commencer: { positionnee: "en_cours" },
    terminer: { en_cours: "terminee" },
    abandonner: { inscrite: "abandonnee", positionnee: "abandonnee", en_cours: "abandonnee" },
    dispenser: { a_inscrire: "dispensee" },
  },
});

const jour = (libelle: string) => z.iso.date(`${libelle} doit être une date (AAAA-MM-JJ).`);

/**
 * One step of the training file, as entered by the structure or the admin. Without `aujourdhui`
 * the dates are not checked against today: the API's static body, the service checks the rest.
 */
export function etapeFormationSchema(aujourdhui?: string) {
  const passe = (libelle: string) =>
    jour(libelle).refine(
      (d) => aujourdhui === undefined || d <= aujourdhui,
      `${libelle} ne peut pas être dans le futur.`,
    );
  return z.discriminatedUnion("evenement", [
    z
      .object({
        evenement: z.literal("inscrire"),
        organismeFormationId: z.uuid("Choisissez l'organisme de formation."),
        modalite: z.enum(
          Object.keys(MODALITES_FORMATION) as [ModaliteFormation, ...ModaliteFormation[]],
          { error: "Choisissez la modalité." },
        ),
        dateInscription: passe("La date d'inscription"),
      })
      .strict(),
    z
      .object({
        evenement: z.literal("positionner"),
        datePositionnement: passe("La date de positionnement"),
        parcoursHeures: z.coerce
          .number()
          .refine(
            (h) => (PARCOURS_HEURES as readonly number[]).includes(h),
            "Le parcours doit être de 105, 280, 350 ou 420 heures.",
          ),
        dateDebutPrevue: jour("La date de début prévue"),
        dateFinPrevue: jour("La date de fin prévue"),
      })
      .strict()
      .refine((e) => e.dateFinPrevue >= e.dateDebutPrevue, {
        path: ["dateFinPrevue"],
        message: "La fin prévue doit suivre le début prévu.",
      }),
    z
      .object({ evenement: z.literal("commencer"), dateDebutReelle: passe("La date de début") })
      .strict(),
    z
      .object({
        evenement: z.literal("terminer"),
        dateFinReelle: passe("La date de fin"),
        heuresRealisees: z.coerce
          .number()
          .int("Le nombre d'heures est un entier.")
          .min(0, "Le nombre d'heures ne peut pas être négatif.")
          .max(2_000, "Un parcours ne dépasse pas 2 000 heures."),
      })
      .strict(),
    z
      .object({
        evenement: z.literal("abandonner"),
        motif: z.string().trim().min(3, "Indiquez le motif.").max(500),
      })
      .strict(),
    z
      .object({
        evenement: z.literal("dispenser"),
        motif: z.string().trim().min(3, "Indiquez le motif de la dispense.").max(500),
      })
      .strict(),
  ]);
}
export type EtapeFormation = z.infer<ReturnType<typeof etapeFormationSchema>>;

export type AlerteFormation = "non_inscrite" | "depart_tardif";

/** Derived checks, shown and never blocking (docs/domaine/formation.md §4.1). */
export function alertesFormation(
  f: {
    statut: StatutFormation;
    dateDebutPrevue: string | null;
    dateDebutReelle: string | null;
  },
  dateSignature: string | null,
  aujourdhui: string,
): AlerteFormation[] {
  if (!dateSignature) return [];
  const limite = ajouterJours(dateSignature, DELAI_DEPART_JOURS);
  const alertes: AlerteFormation[] = [];
  if (f.statut === "a_inscrire" && aujourdhui > limite) alertes.push("non_inscrite");
  const depart = f.dateDebutReelle ?? f.dateDebutPrevue;
  if (f.statut !== "dispensee" && (depart ? depart > limite : aujourdhui > limite))
    alertes.push("depart_tardif");
  return alertes;
}

/** The three Pix competences of the certification (docs/domaine/formation.md §2). */
/** The two certifications of the programme: the CCP1 exam and Pix. */
export const TYPES_CERTIFICATION = ["ccp1", "pix"] as const;
export type TypeCertification = (typeof TYPES_CERTIFICATION)[number];

export const COMPETENCES_PIX = {
  "1.1": "Mener une recherche et une veille d'information",
  "4.1": "Sécuriser l'environnement numérique",
  "4.2": "Protéger les données personnelles et la vie privée",
} as const;
export type CompetencePix = keyof typeof COMPETENCES_PIX;
export const NIVEAU_PIX_CERTIFIANT = 5;

const niveau = z.coerce
  .number()
  .int("Un niveau Pix est un entier.")
  .min(0, "Un niveau Pix va de 0 à 8.")
  .max(8, "Un niveau Pix va de 0 à 8.");
export const niveauxPixSchema = z.object({ "1.1": niveau, "4.1": niveau, "4.2": niveau }).strict();
export type NiveauxPix = z.infer<typeof niveauxPixSchema>;

export const STATUTS_CERTIFICATION = {
  a_passer: "À passer",
  obtenue: "Obtenue",
  echouee: "Échouée",
  absence_justifiee: "Absence justifiée",
  absence_non_justifiee: "Absence non justifiée",
} as const;
export type StatutCertification = keyof typeof STATUTS_CERTIFICATION;

/** Pix is obtained when all three levels reach 5: computed, never typed. */
export function statutPix(niveaux: NiveauxPix): StatutCertification {
  return Object.values(niveaux).every((n) => n >= NIVEAU_PIX_CERTIFIANT) ? "obtenue" : "echouee";
}

/** An exam result; without `aujourdhui`, the API's static body (the service checks the day). */
export function resultatCertificationSchema(aujourdhui?: string) {
  const dateExamen = jour("La date d'examen").refine(
    (d) => aujourdhui === undefined || d <= aujourdhui,
    "La date d'examen ne peut pas être dans le futur.",
  );
  return z.discriminatedUnion("type", [
    z
      .object({
        type: z.literal("ccp1"),
        statut: z.enum(
          Object.keys(STATUTS_CERTIFICATION) as [StatutCertification, ...StatutCertification[]],
          { error: "Le résultat du CCP1 est invalide." },
        ),
        dateExamen: dateExamen.nullable().default(null),
      })
      .strict()
      .refine((c) => c.statut === "a_passer" || c.dateExamen !== null, {
        path: ["dateExamen"],
        message: "La date d'examen est obligatoire avec un résultat.",
      }),
    z.object({ type: z.literal("pix"), niveaux: niveauxPixSchema, dateExamen }).strict(),
  ]);
}
export type ResultatCertification = z.infer<ReturnType<typeof resultatCertificationSchema>>;

export const corpsEtapeFormationSchema = etapeFormationSchema();
export const corpsResultatCertificationSchema = resultatCertificationSchema();
