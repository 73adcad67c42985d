/**
 * The pages of the web app, as its router declares them (`:x` is one path segment): the server
 * answers 404 for any other path, with the app's own "page introuvable", so a mistyped or stale
 * link is an error for browsers, crawlers and monitoring alike. A unit test keeps this list and
 * the router's in step.
 */
export const PAGES = [
  "/",
  "/connexion",
  "/connexion/lien",
  "/invitation",
  "/demo/personas",
  "/candidature-structure",
  "/candidature-structure/confirmation",
  "/candidature-conseiller",
  "/candidature-conseiller/confirmation",
  "/espace",
  "/espace/admin",
  "/espace/admin/selection",
  "/espace/admin/enveloppe",
  "/espace/financeur/grand-livre",
  "/espace/hub/lieux",
  "/espace/structure/subvention",
  "/espace/demandes",
  "/espace/postes",
  "/espace/structures",
  "/espace/conseillers",
  "/espace/contrats",
  "/espace/admin/recrutements",
  "/espace/admin/utilisateurs",
  "/espace/admin/journal",
  "/espace/admin/taches",
  "/espace/admin/courriels",
  "/espace/prefet",
  "/espace/structure",
  "/espace/structure/vivier",
  "/espace/structure/candidats/:id",
  "/espace/structure/recrutements",
  "/espace/conseiller",
  "/espace/conseiller/cra",
  "/espace/conseiller/cra/nouveau",
  "/espace/conseiller/cra/:id",
  "/espace/conseiller/lieux",
  "/espace/conseiller/personnes",
  "/espace/conseiller/personnes/nouvelle",
  "/espace/conseiller/personnes/import",
  "/espace/conseiller/personnes/:id",
  "/espace/conseiller/personnes/:id/modifier",
  "/espace/conseiller/personnes/:id/fusion/:autre",
  "/espace/coordinateur",
  "/espace/coordinateur/coordinations",
  "/espace/coordinateur/coordinations/nouvelle",
  "/espace/coordinateur/coordinations/:id",
  "/espace/hub",
  "/espace/grand-reseau",
  "/espace/financeur",
  "/espace/candidat",
  "/espace/personnes/:id",
  "/espace/postes/:id",
  "/espace/demandes/:id",
  "/espace/structures/:id",
  "/espace/notifications",
  "/espace/statistiques",
  "/statistiques",
  "/statistiques/partage/:jeton",
  "/carte",
  "/integration/carte",
  "/lieux/:id",
  "/donnees-ouvertes",
  "/accessibilite",
  "/mentions-legales",
  "/donnees-personnelles",
  "/plan-du-site",
  "/cgu",
] as const;

const motifs = PAGES.map(
  (page) => new RegExp(`^${page.replace(/:[a-z]+/g, "[^/]+").replace(/\/$/, "")}/?$`),
);

/** Whether a path (without its query string) is one of the app's pages. */
export function pageConnue(chemin: string): boolean {
  return motifs.some((motif) => motif.test(chemin));
}
