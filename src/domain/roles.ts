/** The programme's roles, as stored (`code`) and as shown to users (`libelle`). */
export const ROLES = [
  "admin",
  "prefet",
  "structure",
  "conseiller",
  "coordinateur",
  "hub",
  "grand_reseau",
  "financeur",
  "candidat",
  "prescripteur",
] as const;

export type Role = (typeof ROLES)[number];

export const LIBELLES_ROLES: Record<Role, string> = {
  admin: "Administrateur (ANCT)",
  prefet: "Préfecture",
  structure: "Structure d'accueil",
  conseiller: "Conseiller numérique",
  coordinateur: "Coordinateur",
  hub: "Hub territorial",
  grand_reseau: "Grand réseau",
  financeur: "Financeur (Banque des Territoires)",
  candidat: "Candidat",
  prescripteur: "Prescripteur (agent France Services, travailleur social)",
};

/** Where each role lands after signing in (paths of the web app). */
export const ACCUEILS_ROLES: Record<Role, string> = {
  admin: "/espace/admin",
  prefet: "/espace/prefet",
  structure: "/espace/structure",
  conseiller: "/espace/conseiller",
  coordinateur: "/espace/coordinateur",
  hub: "/espace/hub",
  grand_reseau: "/espace/grand-reseau",
  financeur: "/espace/financeur",
  candidat: "/espace/candidat",
  prescripteur: "/espace/prescripteur",
};

export function estRole(valeur: string): valeur is Role {
  return (ROLES as readonly string[]).includes(valeur);
}

/**
 * Who may read a structure's page and its timeline: the ANCT, its préfet, itself and the
 * networks whose scope holds it. The server enforces it; the web app links to the page only
 * for these roles (a financeur reads a request, not the structure's page).
 */
export const LECTEURS_FICHE_STRUCTURE = [
  "admin",
  "prefet",
  "structure",
  "hub",
  "grand_reseau",
] as const satisfies readonly Role[];

export const peutLireFicheStructure = (role: Role | undefined): boolean =>
  (LECTEURS_FICHE_STRUCTURE as readonly Role[]).includes(role as Role);
