import { and, eq } from "drizzle-orm";
import type { Executeur } from "../db/client.ts";
import { habilitation, utilisateur } from "../db/schema.ts";

/** Active préfets' addresses with their territory: a few hundred rows, filtered by the caller. */
export function prefetsActifs(tx: Executeur) {
  return tx
    .select({ email: utilisateur.email, perimetre: habilitation.perimetre })
    .from(habilitation)
    .innerJoin(utilisateur, eq(utilisateur.id, habilitation.utilisateurId))
    .where(
      and(
        eq(habilitation.role, "prefet"),
        eq(habilitation.actif, true),
        eq(utilisateur.actif, true),
      ),
    );
}
