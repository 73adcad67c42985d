/** What other folders may use of this capability: everything else is its own business. */
export { routesCandidats } from "./candidat-routes.ts";
export { supprimerCandidature } from "./candidat-service.ts";
export { purgerCvExpires } from "./cv-service.ts";
export { colonneExport, exportRecrutements, exportRuptures, type TableExport } from "./exports.ts";
export { terminerContratsEchus } from "./fin-contrat-service.ts";
export { routesFormation } from "./formation-routes.ts";
export { routesRecrutementStructure } from "./structure-routes.ts";
export { compterContrats, type VueContrats } from "./suivi-queries.ts";
export { routesSuiviRecrutement } from "./suivi-routes.ts";
