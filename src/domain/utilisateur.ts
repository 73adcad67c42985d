import { z } from "zod";
import { texteObligatoire } from "./champs.ts";
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
