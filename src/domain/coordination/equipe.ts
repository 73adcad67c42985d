import { z } from "zod";
import { emailSchema } from "../utilisateur.ts";

/**
 * Where a conseiller stands in a coordinator's team (docs/domaine/coordination.md §4): invited
 * (not yet accepted), member, archived. « Actif » and « inactif » are read from the member's
 * reports: a report in the last 60 days makes them active.
 */
export const STATUTS_MEMBRE = { invite: "Invité", membre: "Membre", archive: "Archivé" } as const;
export type StatutMembre = keyof typeof STATUTS_MEMBRE;

export const ETATS_EQUIPE = {
  actif: "Actif",
  inactif: "Inactif",
  invite: "Invité",
  archive: "Archivé",
} as const;
export type EtatEquipe = keyof typeof ETATS_EQUIPE;

/** A member is active with a report in the last 60 days. */
export const JOURS_ACTIVITE_EQUIPE = 60;

export const invitationEquipeSchema = z.object({ email: emailSchema }).strict();
