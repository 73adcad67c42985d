import { z } from "zod";
import { instantSchema } from "./champs.ts";
import { ROLES } from "./roles.ts";

/** Journal actions as a person reads them in a timeline (structure, person, post). */
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
  "utilisateur.cree": "Personne enregistrée",
  "habilitation.ajoutee": "Accès ouvert",
  "habilitation.suspendue": "Accès candidat suspendu",
  "candidature.creee": "Candidature saisie",
  "candidature.confirmee": "Candidature confirmée (courriel vérifié)",
  "candidature.modification_proposee": "Nouvelle candidature saisie (en attente de confirmation)",
  "candidature.modifiee": "Profil modifié",
  "candidature.disponible": "Disponible",
  "candidature.indisponible": "Indisponible",
  "candidature.en_poste": "En poste",
  "candidature.supprimee": "Candidature supprimée",
  "cv.depose": "CV déposé",
  "cv.retire": "CV retiré",
  "mise_en_relation.preselectionnee": "Marqué intéressant par une structure",
  "mise_en_relation.ecartee": "Écarté par une structure",
  "mise_en_relation.proposee": "Reconsidéré par une structure",
  "mise_en_relation.retenue": "Recrutement déclaré",
  "mise_en_relation.caduque": "Mise en relation close",
  "contrat.declare": "Recrutement déclaré",
  "contrat.renouvellement_declare": "Renouvellement déclaré",
  "contrat.signature_enregistree": "Date de signature enregistrée",
  "contrat.valide": "Recrutement validé par l'ANCT",
  "contrat.refuse": "Recrutement refusé par l'ANCT",
  "contrat.annule": "Recrutement annulé par la structure",
  "contrat.prolonge": "Contrat prolongé",
  "contrat.termine_rupture": "Contrat terminé (rupture)",
  "contrat.termine_renouvellement": "Contrat terminé (renouvelé)",
  "contrat.termine_echeance": "Contrat terminé à son échéance",
  "conseiller.sorti_du_dispositif": "Sortie du poste de conseiller",
  "rupture.declaree": "Rupture déclarée",
  "rupture.incomplete": "Document demandé pour la rupture",
  "rupture.retiree": "Rupture retirée",
  "rupture.validee": "Rupture validée par l'ANCT",
  "prolongation.deposee": "Prolongation demandée",
  "prolongation.acceptee": "Prolongation acceptée",
  "prolongation.refusee": "Prolongation refusée",
  "poste.pourvu": "Poste pourvu",
  "poste.vacant": "Poste de nouveau vacant",
  "formation.ouverte": "Formation à inscrire",
  "formation.inscrire": "Inscription en formation",
  "formation.positionner": "Parcours de formation fixé",
  "formation.commencer": "Départ en formation",
  "formation.terminer": "Formation terminée",
  "formation.abandonner": "Formation abandonnée",
  "formation.dispenser": "Dispense de formation",
  "formation.importee": "Résultats de formation importés",
  "certification.ccp1": "Résultat du CCP1 enregistré",
  "certification.pix": "Résultat Pix enregistré",
};

export function libelleAction(action: string): string {
  return LIBELLES_ACTIONS[action] ?? action;
}

/**
 * A line of a timeline (structure, person, post): the journal's action, when, and who, never
 * the values it changed (they stay in the journal, for the ANCT).
 */
export const ligneHistoriqueSchema = z.object({
  id: z.number(),
  le: instantSchema,
  action: z.string(),
  cibleType: z.string(),
  role: z.enum(ROLES).nullable(),
  auteur: z.string(),
  prenom: z.string().nullable(),
  nom: z.string().nullable(),
});
export type LigneHistorique = z.input<typeof ligneHistoriqueSchema>;

/** `GET /api/journal`: the ANCT's reading of the journal, a page after a cursor. */
export const pageJournalSchema = z.object({
  entrees: z.array(
    z.object({
      id: z.number(),
      le: instantSchema,
      utilisateurId: z.string().nullable(),
      habilitationId: z.string().nullable(),
      role: z.string().nullable(),
      auteur: z.string(),
      action: z.string(),
      cibleType: z.string(),
      cibleId: z.string(),
      avant: z.unknown(),
      apres: z.unknown(),
      origine: z.string(),
      /** The request that wrote the line, to find it in the logs. */
      requeteId: z.string().nullable(),
    }),
  ),
});
export type EntreeJournal = z.input<typeof pageJournalSchema>["entrees"][number];
