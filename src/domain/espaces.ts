import { z } from "zod";
import type { Role } from "./roles.ts";

/** One page of a space, as its navigation lists it. */
export type PageEspace = { chemin: string; libelle: string };

const statistiques: PageEspace = { chemin: "/espace/statistiques", libelle: "Statistiques" };
const demandes: PageEspace = { chemin: "/espace/demandes", libelle: "Demandes de postes" };
const postes: PageEspace = { chemin: "/espace/postes", libelle: "Postes" };
const structures: PageEspace = { chemin: "/espace/structures", libelle: "Structures" };
const conseillers: PageEspace = { chemin: "/espace/conseillers", libelle: "Conseillers" };
const contrats: PageEspace = { chemin: "/espace/contrats", libelle: "Contrats" };
const orienter: PageEspace = {
  chemin: "/espace/orientations/nouvelle",
  libelle: "Orienter une personne",
};
const envoyees: PageEspace = {
  chemin: "/espace/orientations/envoyees",
  libelle: "Orientations envoyées",
};
const statsOrientations: PageEspace = {
  chemin: "/espace/orientations/statistiques",
  libelle: "Orientations",
};

/**
 * The pages of each role's space, in the order of its navigation: a home of key figures and
 * work queues, then one short page per list. Pages shared by several roles (requests, posts,
 * structures…) show what the active habilitation's scope holds.
 */
export const PAGES_ESPACES: Record<Role, readonly PageEspace[]> = {
  admin: [
    { chemin: "/espace/admin", libelle: "Accueil" },
    demandes,
    { chemin: "/espace/admin/selection", libelle: "Appels, comités et imports" },
    postes,
    { chemin: "/espace/admin/recrutements", libelle: "Recrutements et formation" },
    contrats,
    structures,
    { chemin: "/espace/admin/utilisateurs", libelle: "Utilisateurs et invitations" },
    { chemin: "/espace/admin/courriels", libelle: "Courriels envoyés" },
    { chemin: "/espace/admin/journal", libelle: "Journal des modifications" },
    { chemin: "/espace/admin/taches", libelle: "Tâches périodiques" },
    { chemin: "/espace/admin/enveloppe", libelle: "Enveloppe budgétaire" },
    statsOrientations,
    statistiques,
  ],
  prefet: [
    { chemin: "/espace/prefet", libelle: "Accueil" },
    demandes,
    postes,
    contrats,
    structures,
    statsOrientations,
    statistiques,
  ],
  structure: [
    { chemin: "/espace/structure", libelle: "Accueil" },
    { ...postes, libelle: "Mes postes" },
    { ...demandes, libelle: "Mes demandes" },
    { chemin: "/espace/structure/vivier", libelle: "Vivier de candidats" },
    { chemin: "/espace/structure/recrutements", libelle: "Mes recrutements" },
    { ...conseillers, libelle: "Mes conseillers" },
    { chemin: "/espace/structure/ateliers", libelle: "Ateliers" },
    { chemin: "/espace/structure/subvention", libelle: "Subvention" },
    statistiques,
  ],
  conseiller: [
    { chemin: "/espace/conseiller", libelle: "Accueil" },
    { chemin: "/espace/conseiller/cra/nouveau", libelle: "Nouveau compte rendu" },
    { chemin: "/espace/conseiller/cra", libelle: "Mes comptes rendus" },
    { chemin: "/espace/conseiller/personnes", libelle: "Mes personnes suivies" },
    { chemin: "/espace/conseiller/lieux", libelle: "Mes lieux d'activité" },
    { chemin: "/espace/conseiller/ateliers", libelle: "Mes ateliers" },
    { chemin: "/espace/orientations/recues", libelle: "Orientations reçues" },
    envoyees,
    statistiques,
  ],
  coordinateur: [
    { chemin: "/espace/coordinateur", libelle: "Accueil" },
    { chemin: "/espace/coordinateur/equipe", libelle: "Mon équipe" },
    { chemin: "/espace/coordinateur/coordinations", libelle: "Mes coordinations" },
    envoyees,
    conseillers,
    contrats,
    structures,
    statistiques,
  ],
  hub: [
    { chemin: "/espace/hub", libelle: "Accueil" },
    demandes,
    postes,
    structures,
    { chemin: "/espace/hub/lieux", libelle: "Import de lieux" },
    { chemin: "/espace/hub/prescripteurs", libelle: "Prescripteurs" },
    statsOrientations,
    statistiques,
  ],
  grand_reseau: [
    { chemin: "/espace/grand-reseau", libelle: "Accueil" },
    demandes,
    postes,
    structures,
    statistiques,
  ],
  financeur: [
    { chemin: "/espace/financeur", libelle: "Accueil" },
    { chemin: "/espace/financeur/grand-livre", libelle: "Grand livre des postes" },
    demandes,
    postes,
    structures,
    statistiques,
  ],
  candidat: [{ chemin: "/espace/candidat", libelle: "Ma candidature" }],
  prescripteur: [{ chemin: "/espace/prescripteur", libelle: "Mes orientations" }, orienter],
};

/** Whether a role's navigation lists a page (the shared list pages follow the role's rights). */
export const pageDeLEspace = (role: Role, chemin: string): boolean =>
  PAGES_ESPACES[role].some((p) => p.chemin === chemin);

/** A post's status as people read it. */
export const STATUTS_POSTE: Record<string, string> = {
  vacant: "À pourvoir",
  pourvu: "Pourvu",
  rendu: "Rendu",
};

/** The work queues of the posts' list. */
export const FILES_POSTES = ["a_pourvoir", "en_retard", "pourvus"] as const;
export type FilePostes = (typeof FILES_POSTES)[number];

/** A work queue on a space's home: what waits, how many, and the filtered list that holds it. */
export type FileDeTravail = z.infer<typeof filesDeTravailSchema>["files"][number];

/** `GET /api/espace/files`: the work queues of the active habilitation, counted in its scope. */
export const filesDeTravailSchema = z.object({
  files: z.array(
    z.object({
      cle: z.string(),
      libelle: z.string(),
      nombre: z.number().int(),
      lien: z.string(),
    }),
  ),
});
