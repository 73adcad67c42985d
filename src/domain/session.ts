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

/** `GET /api/session`: the signed-in user, or nobody (never a 401: the app asks on start). */
export const sessionSchema = z.object({ moi: moiSchema.nullable() });
/** `GET /api/auth/config`: the ways to sign in this instance offers. */
export const configConnexionSchema = z.object({ proconnect: z.boolean(), demo: z.boolean() });
/** `POST /api/auth/deconnexion`: where the browser goes next (ProConnect's sign-out, or home). */
export const deconnexionSchema = z.object({ redirection: z.string() });
/** `GET /api/dev/personas` (demonstration only): the accounts one may sign in as, one per role. */
export const personasSchema = z.array(
  z.object({ email: z.string(), role: z.enum(ROLES), libelle: z.string() }),
);
