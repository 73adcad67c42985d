import { z } from "zod";
import {
  codeParmi,
  facultatif,
  TELEPHONE_MESSAGE,
  TELEPHONE_MOTIF,
  telephoneSchema,
  texteObligatoire,
} from "../champs.ts";
import { THEMATIQUES } from "../cra/vocabulaire.ts";
import { emailSchema } from "../utilisateur.ts";

/**
 * A person sent by a conseiller, a coordinateur or a prescripteur to a place of digital mediation
 * (docs/domaine/orientations.md): what they need, how to reach them with their agreement, and
 * how soon.
 */
export const URGENCES = {
  normale: "Dans les prochaines semaines",
  urgente: "Urgente (sous quelques jours)",
} as const;

/** Where an orientation stands; « redirigée » is an orientation sent on to another place. */
export const STATUTS_ORIENTATION = {
  a_traiter: "À traiter",
  acceptee: "Acceptée",
  vue: "Personne accompagnée",
  absente: "Personne pas venue",
  sans_suite: "Sans suite",
} as const;
export type StatutOrientation = keyof typeof STATUTS_ORIENTATION;

/** Who may send a person to a place. */
export const ROLES_ORIENTEURS = ["conseiller", "coordinateur", "prescripteur"] as const;

export const orientationSchema = z
  .object({
    lieuId: z.uuid("Choisissez le lieu vers lequel orienter la personne."),
    conseillerId: facultatif(z.uuid("Choisissez un conseiller de ce lieu.")),
    thematiques: z
      .array(codeParmi(THEMATIQUES))
      .min(1, "Indiquez au moins un besoin.")
      .max(5, "Indiquez au plus 5 besoins."),
    urgence: codeParmi(URGENCES),
    precisions: facultatif(
      texteObligatoire("Les précisions sur le besoin", 500, { multiligne: true }),
    ),
    prenom: texteObligatoire("Le prénom", 60),
    nom: facultatif(texteObligatoire("Le nom", 80)),
    email: facultatif(emailSchema),
    telephone: facultatif(telephoneSchema(TELEPHONE_MOTIF, TELEPHONE_MESSAGE)),
    consentement: z.literal(true, {
      error:
        "La personne doit accepter que ses coordonnées soient transmises au lieu qui l'accueillera.",
    }),
  })
  .strict()
  .refine((o) => o.email !== undefined || o.telephone !== undefined, {
    path: ["telephone"],
    message:
      "Indiquez un téléphone ou une adresse électronique pour que le lieu joigne la personne.",
  });

export type SaisieOrientation = z.input<typeof orientationSchema>;
export type Orientation = z.output<typeof orientationSchema>;

/** Accepting: a time to come, or a workshop to join; a word for the person if useful. */
export const acceptationSchema = z
  .object({
    jour: facultatif(z.iso.date("La date du rendez-vous est invalide (AAAA-MM-JJ).")),
    heure: facultatif(
      z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "L'heure du rendez-vous est invalide (HH:MM)."),
    ),
    atelierId: facultatif(z.uuid("Choisissez un de vos ateliers à venir.")),
    message: facultatif(texteObligatoire("Le message", 500, { multiligne: true })),
  })
  .strict()
  .refine((a) => (a.jour !== undefined && a.heure !== undefined) !== (a.atelierId !== undefined), {
    path: ["jour"],
    message: "Proposez soit un rendez-vous (date et heure), soit un de vos ateliers.",
  });
export type Acceptation = z.output<typeof acceptationSchema>;

/** Sending on to another place, with the reason the sender and the person will read. */
export const redirectionSchema = z
  .object({
    lieuId: z.uuid("Choisissez le lieu vers lequel rediriger la personne."),
    motif: texteObligatoire("Le motif de la redirection", 300, { multiligne: true }),
  })
  .strict();
export type Redirection = z.output<typeof redirectionSchema>;

export const CONSEILLER_PAS_DU_LIEU = "Ce conseiller ne travaille pas dans ce lieu aujourd'hui.";

export const ORIENTATION_INTROUVABLE =
  "Cette orientation n'existe pas ou n'est pas adressée à vos lieux.";
export const DEJA_TRAITEE = "Cette orientation a déjà été traitée.";
