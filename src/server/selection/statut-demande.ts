import { eq } from "drizzle-orm";
import type { Resultat } from "../../domain/erreurs.ts";
import {
  type EvenementDemande,
  type StatutDemande,
  transitionDemande,
} from "../../domain/selection/demande-postes.ts";
import type { Executeur } from "../db/client.ts";
import { demandePostes } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";

type Demande = typeof demandePostes.$inferSelect;

/**
 * Moves a request (already read `for update`) through its state machine: the new status, the
 * extra columns the event clears or sets, and the journal line, or the refusal with nothing
 * written.
 */
export async function changerStatutDemande(
  tx: Executeur,
  demande: Demande,
  evenement: EvenementDemande,
  params: {
    acteur: Acteur;
    maintenant: Date;
    action: string;
    colonnes?: Partial<typeof demandePostes.$inferInsert>;
    apres?: Record<string, unknown>;
  },
): Promise<Resultat<StatutDemande>> {
  const t = transitionDemande(demande.statut as StatutDemande, evenement);
  if (!t.ok) return t;
  await tx
    .update(demandePostes)
    .set({ ...params.colonnes, statut: t.valeur, modifieLe: params.maintenant })
    .where(eq(demandePostes.id, demande.id));
  await journaliser(tx, params.acteur, {
    action: params.action,
    cibleType: "demande_postes",
    cibleId: demande.id,
    avant: { statut: demande.statut },
    apres: { statut: t.valeur, ...params.apres },
  });
  return t;
}
