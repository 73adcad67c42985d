import { z } from "zod";
import { perimetreSchema } from "./perimetre.ts";
import { ROLES } from "./roles.ts";

/** What the API says of the signed-in user (`GET /api/moi`), shared by the server and the app. */
export const habilitationVueSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  libelle: z.string(),
  perimetre: perimetreSchema,
  accueil: z.string(),
});

export const moiSchema = z.object({
  utilisateur: z.object({ id: z.string(), email: z.string(), prenom: z.string(), nom: z.string() }),
  habilitation: habilitationVueSchema.nullable(),
  habilitations: z.array(habilitationVueSchema),
  methode: z.string(),
});

export type HabilitationVue = z.infer<typeof habilitationVueSchema>;
export type Moi = z.infer<typeof moiSchema>;
