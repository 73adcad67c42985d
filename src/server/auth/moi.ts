import { and, eq } from "drizzle-orm";
import type { Perimetre } from "../../domain/perimetre.ts";
import { ACCUEILS_ROLES, LIBELLES_ROLES, type Role } from "../../domain/roles.ts";
import type { HabilitationVue, Moi } from "../../domain/session.ts";
import type { SessionChargee } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import { habilitation } from "../db/schema.ts";

export { moiSchema } from "../../domain/session.ts";

function vue(h: { id: string; role: string; perimetre: unknown }): HabilitationVue {
  const role = h.role as Role;
  // The resolved lists stay on the server: the client only needs the perimeter as declared.
  const {
    conseillerIds: _c,
    structureIds: _s,
    ...perimetre
  } = h.perimetre as Record<string, unknown>;
  return {
    id: h.id,
    role,
    libelle: LIBELLES_ROLES[role],
    perimetre: perimetre as Perimetre,
    accueil: ACCUEILS_ROLES[role],
  };
}

/** What the signed-in user may know of itself: identity, active habilitation, the others it holds. */
export async function decrireMoi(db: Executeur, connexion: SessionChargee): Promise<Moi> {
  const lignes = await db
    .select()
    .from(habilitation)
    .where(
      and(eq(habilitation.utilisateurId, connexion.utilisateur.id), eq(habilitation.actif, true)),
    )
    .orderBy(habilitation.creeLe, habilitation.id);
  return {
    utilisateur: connexion.utilisateur,
    habilitation: connexion.habilitation ? vue(connexion.habilitation) : null,
    habilitations: lignes.map(vue),
    methode: connexion.methode,
  };
}
