import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { perimetreSchema } from "../../domain/perimetre.ts";
import { ACCUEILS_ROLES, LIBELLES_ROLES, ROLES, type Role } from "../../domain/roles.ts";
import type { Executeur } from "../db/client.ts";
import { habilitation } from "../db/schema.ts";
import type { SessionChargee } from "./sessions.ts";

const habilitationVue = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  libelle: z.string(),
  perimetre: perimetreSchema,
  accueil: z.string(),
});

export const moiSchema = z.object({
  utilisateur: z.object({ id: z.string(), email: z.string(), prenom: z.string(), nom: z.string() }),
  habilitation: habilitationVue.nullable(),
  habilitations: z.array(habilitationVue),
  methode: z.string(),
});

export type Moi = z.infer<typeof moiSchema>;

/** What the signed-in user may know of itself: identity, active habilitation, the others it holds. */
export async function decrireMoi(db: Executeur, connexion: SessionChargee): Promise<Moi> {
  const lignes = await db
    .select()
    .from(habilitation)
    .where(
      and(eq(habilitation.utilisateurId, connexion.utilisateur.id), eq(habilitation.actif, true)),
    )
    .orderBy(habilitation.creeLe, habilitation.id);
  const vue = (h: { id: string; role: string; perimetre: unknown }) => {
    const role = h.role as Role;
    const {
      conseillerIds: _c,
      structureIds: _s,
      ...perimetre
    } = h.perimetre as Record<string, unknown>;
    return {
      id: h.id,
      role,
      libelle: LIBELLES_ROLES[role],
      perimetre: perimetre as z.infer<typeof perimetreSchema>,
      accueil: ACCUEILS_ROLES[role],
    };
  };
  return {
    utilisateur: connexion.utilisateur,
    habilitation: connexion.habilitation ? vue(connexion.habilitation) : null,
    habilitations: lignes.map(vue),
    methode: connexion.methode,
  };
}
