/** One conseiller as their coordinator or structure follows them (`GET /api/pilotage/conseillers`). */
export type ConseillerSuivi = {
  id: string;
  prenom: string;
  nom: string;
  email: string;
  structureId: string;
  structure: string;
  departementCode: string;
  dateDebut: string;
  dernierCra: string | null;
  activites30Jours: number;
  formation: string | null;
  ccp1: string | null;
};
