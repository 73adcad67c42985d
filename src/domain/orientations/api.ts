import { z } from "zod";
import { codeParmi, instantSchema, texteObligatoire } from "../champs.ts";
import { codeDepartementSchema } from "../territoire.ts";
import { emailSchema } from "../utilisateur.ts";
import { STATUTS_ORIENTATION, URGENCES } from "./orientation.ts";

/** What every reader of an orientation sees: the place, the need, where it stands. */
const orientationVueSchema = z.object({
  id: z.string(),
  /** Addressed to one conseiller of the place by name. */
  nominative: z.boolean(),
  statut: codeParmi(STATUTS_ORIENTATION),
  urgence: codeParmi(URGENCES),
  thematiques: z.array(z.string()),
  creeLe: instantSchema,
  redirections: z.number(),
  motifRedirection: z.string().nullable(),
  rendezVous: instantSchema.nullable(),
  atelier: z.object({ titre: z.string(), debut: instantSchema }).nullable(),
  lieu: z.object({ id: z.string(), nom: z.string(), commune: z.string().nullable() }),
  /** Null once erased, 3 months after the orientation ended. */
  prenom: z.string().nullable(),
});

/** The sender's list: the outcome, not the receiving conseiller's report. */
export const pageOrientationsEnvoyeesSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  orientations: z.array(orientationVueSchema),
});

/** The receiving conseiller's queue: with the contact the person agreed to give. */
export const orientationRecueSchema = orientationVueSchema.extend({
  nom: z.string().nullable(),
  email: z.string().nullable(),
  telephone: z.string().nullable(),
  precisions: z.string().nullable(),
});
export type OrientationRecue = z.input<typeof orientationRecueSchema>;

export const pageOrientationsRecuesSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  orientations: z.array(orientationRecueSchema),
});

/** The conseillers a person can be sent to by name at a place, today. */
export const conseillersDuLieuSchema = z.object({
  conseillers: z.array(z.object({ id: z.string(), nom: z.string() })),
});

export const statistiquesOrientationsSchema = z.object({
  departements: z.array(
    z.object({
      departement_code: z.string(),
      departement: z.string(),
      envoyees: z.number(),
      recues: z.number(),
      acceptees: z.number(),
      aidees: z.number(),
      absentes: z.number(),
      redirigees: z.number(),
      en_attente: z.number(),
    }),
  ),
});

/** A hub (or the ANCT) invites a prescripteur for one département. */
export const invitationPrescripteurSchema = z
  .object({
    email: emailSchema,
    prenom: texteObligatoire("Le prénom", 100),
    nom: texteObligatoire("Le nom", 100),
    departement: codeDepartementSchema,
  })
  .strict();
