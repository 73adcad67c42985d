import { z } from "zod";
import { instantSchema, texteObligatoire } from "./champs.ts";
import { perimetreAutorise, perimetreSchema } from "./perimetre.ts";
import { ROLES } from "./roles.ts";

export const emailSchema = z
  .string({ error: "L'adresse électronique est obligatoire." })
  .trim()
  .toLowerCase()
  .max(254, "L'adresse électronique est trop longue.")
  .pipe(z.email("L'adresse électronique n'est pas valide (ex. prenom.nom@exemple.fr)."));

export const roleSchema = z.enum(ROLES, { error: "Ce rôle n'existe pas." });

export const invitationSchema = z
  .object({
    email: emailSchema,
    prenom: texteObligatoire("Le prénom", 100),
    nom: texteObligatoire("Le nom", 100),
    role: roleSchema,
    perimetre: perimetreSchema,
  })
  .strict()
  .refine((v) => perimetreAutorise(v.role, v.perimetre), {
    message: "Ce périmètre ne convient pas à ce rôle.",
    path: ["perimetre"],
  });

export type Invitation = z.infer<typeof invitationSchema>;

export const demandeLienSchema = z.object({ email: emailSchema }).strict();

export const jetonSchema = z
  .object({
    jeton: z
      .string({ error: "Le lien de connexion est incomplet." })
      .regex(/^[A-Za-z0-9_-]{43}$/, "Le lien de connexion est invalide."),
  })
  .strict();

/** A person of the platform and their habilitations, as the ANCT's list shows them. */
const utilisateurVueSchema = z.object({
  id: z.string(),
  email: z.string(),
  prenom: z.string(),
  nom: z.string(),
  actif: z.boolean(),
  invitationAccepteeLe: instantSchema.nullable(),
  derniereConnexionLe: instantSchema.nullable(),
  creeLe: instantSchema,
  habilitations: z.array(
    z.object({
      id: z.string(),
      role: z.enum(ROLES),
      libelle: z.string(),
      perimetre: perimetreSchema,
      actif: z.boolean(),
    }),
  ),
});

/** `GET /api/utilisateurs`: a page of people. */
export const pageUtilisateursSchema = z.object({
  total: z.number(),
  page: z.number(),
  parPage: z.number(),
  utilisateurs: z.array(utilisateurVueSchema),
});
export type UtilisateurVue = z.input<typeof utilisateurVueSchema>;

/** `POST /api/utilisateurs`: the person invited and the habilitation opened for them. */
export const invitationFaiteSchema = z.object({
  utilisateurId: z.string(),
  habilitationId: z.string(),
});
/** `POST /api/utilisateurs/:id/desactivation|reactivation`: whether the account is now active. */
export const activationSchema = z.object({ actif: z.boolean() });
