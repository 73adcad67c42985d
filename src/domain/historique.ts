/** Journal actions as a person reads them in a structure's timeline. */
export const LIBELLES_ACTIONS: Record<string, string> = {
  "structure.creee": "Structure enregistrée",
  "structure.contact_renseigne": "Contact de la structure renseigné",
  "structure.postes_attribues": "Postes attribués",
  "demande.creee": "Candidature saisie",
  "demande.deposee": "Candidature déposée (courriel confirmé)",
  "demande.avis_prefet": "Avis de la préfecture",
  "demande.inscrite_ordre_du_jour": "Inscrite à l'ordre du jour du comité",
  "demande.acceptee": "Demande acceptée par le comité",
  "demande.refusee": "Demande refusée par le comité",
  "demande.complement_demande": "Complément demandé par le comité",
};

export function libelleAction(action: string): string {
  return LIBELLES_ACTIONS[action] ?? action;
}
