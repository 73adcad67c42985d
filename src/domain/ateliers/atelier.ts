import { z } from "zod";
import {
  codeParmi,
  facultatif,
  TELEPHONE_MESSAGE,
  TELEPHONE_MOTIF,
  telephoneSchema,
  texteObligatoire,
} from "../champs.ts";
import { PARTICIPANTS_MAX_ATELIER } from "../cra/cra.ts";
import { NIVEAUX_ATELIER, THEMATIQUES } from "../cra/vocabulaire.ts";
import { emailSchema } from "../utilisateur.ts";

/**
 * A collective workshop a conseiller announces, open to registration by anyone
 * (docs/domaine/ateliers.md). The place is one of the conseiller's, checked by the server with
 * the day; so is « not in the past ».
 */
export const atelierSchema = z
  .object({
    titre: texteObligatoire("Le titre", 120),
    thematiques: z
      .array(codeParmi(THEMATIQUES))
      .min(1, "Sélectionnez au moins une thématique.")
      .max(5, "Un atelier porte au plus 5 thématiques."),
    niveau: codeParmi(NIVEAUX_ATELIER),
    lieuId: z.uuid("Choisissez un de vos lieux d'activité."),
    jour: z.iso.date("La date est obligatoire (AAAA-MM-JJ)."),
    heure: z
      .string({ error: "L'heure de début est obligatoire (HH:MM)." })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "L'heure de début est obligatoire (HH:MM)."),
    dureeMinutes: z.coerce
      .number({ error: "La durée est obligatoire." })
      .int("La durée doit être comprise entre 15 minutes et 8 heures.")
      .min(15, "La durée doit être comprise entre 15 minutes et 8 heures.")
      .max(480, "La durée doit être comprise entre 15 minutes et 8 heures."),
    capacite: z.coerce
      .number({ error: "Le nombre de places est obligatoire." })
      .int(`Le nombre de places doit être compris entre 1 et ${PARTICIPANTS_MAX_ATELIER}.`)
      .min(1, `Le nombre de places doit être compris entre 1 et ${PARTICIPANTS_MAX_ATELIER}.`)
      .max(
        PARTICIPANTS_MAX_ATELIER,
        `Le nombre de places doit être compris entre 1 et ${PARTICIPANTS_MAX_ATELIER}.`,
      ),
    gratuit: z.boolean({ error: "Dites si l'atelier est gratuit." }),
    accessibilite: facultatif(
      texteObligatoire("Les informations d'accessibilité", 500, { multiligne: true }),
    ),
  })
  .strict();

/** A structure announces for one of its conseillers, who runs the workshop at one of their places. */
export const atelierStructureSchema = atelierSchema.extend({
  conseillerId: z.uuid("Choisissez le lieu et le conseiller qui anime l'atelier."),
});

export type SaisieAtelier = z.input<typeof atelierSchema>;
export type Atelier = z.output<typeof atelierSchema>;

/**
 * A registration typed by anyone on the public page, without an account: a first name, a way to
 * be reminded (at least one), and the agreement to be contacted for this workshop only.
 */
export const inscriptionSchema = z
  .object({
    prenom: texteObligatoire("Le prénom", 60),
    email: facultatif(emailSchema),
    telephone: facultatif(telephoneSchema(TELEPHONE_MOTIF, TELEPHONE_MESSAGE)),
    consentement: z.literal(true, {
      error: "Acceptez d'être contacté au sujet de cet atelier pour vous inscrire.",
    }),
  })
  .strict()
  .refine((i) => i.email !== undefined || i.telephone !== undefined, {
    path: ["email"],
    message: "Indiquez une adresse électronique ou un téléphone pour recevoir le rappel.",
  });

export type Inscription = z.output<typeof inscriptionSchema>;

export const STATUTS_INSCRIPTION = {
  inscrite: "Inscrite",
  attente: "Sur liste d'attente",
  annulee: "Annulée",
} as const;
export type StatutInscription = keyof typeof STATUTS_INSCRIPTION;

/** Registration closes when the workshop starts; it cannot be announced in the past. */
export const ATELIER_PASSE = "La date et l'heure de début doivent être à venir.";

/**
 * Who came, marked after the workshop started (docs/domaine/ateliers.md §6): the registrations
 * ticked, and those who came without registering. Their sum is the collective report's number of
 * participants.
 */
export const presencesSchema = z
  .object({
    presents: z
      .array(z.uuid("Une des personnes cochées est invalide."))
      .max(
        PARTICIPANTS_MAX_ATELIER,
        `Un atelier compte au plus ${PARTICIPANTS_MAX_ATELIER} participants.`,
      ),
    sansInscription: z.coerce
      .number({ error: "Le nombre de personnes venues sans inscription est un entier." })
      .int("Le nombre de personnes venues sans inscription est un entier.")
      .min(0, "Le nombre de personnes venues sans inscription ne peut pas être négatif.")
      .max(
        PARTICIPANTS_MAX_ATELIER,
        `Le nombre de personnes venues sans inscription ne dépasse pas ${PARTICIPANTS_MAX_ATELIER}.`,
      )
      .default(0),
  })
  .strict()
  .refine((p) => new Set(p.presents).size + p.sansInscription >= 1, {
    path: ["presents"],
    message: "Cochez au moins une personne présente.",
  })
  .refine((p) => new Set(p.presents).size + p.sansInscription <= PARTICIPANTS_MAX_ATELIER, {
    path: ["sansInscription"],
    message: `Un atelier compte au plus ${PARTICIPANTS_MAX_ATELIER} participants.`,
  });

export type Presences = z.output<typeof presencesSchema>;
