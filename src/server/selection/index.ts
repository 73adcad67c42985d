/** What other folders may use of this capability: everything else is its own business. */
export { routesAmi } from "./ami-routes.ts";
export { routesAvenants } from "./avenant-routes.ts";
export { routesCandidatureStructure } from "./candidature-routes.ts";
export {
  compterDemandes,
  conditionsDemandes,
  type FiltresDemandes,
  filtresDemandesSchema,
} from "./demandes-queries.ts";
export { importerDecisions } from "./import-decisions-service.ts";
export { routesImportDecisions } from "./import-routes.ts";
export { routesInstruction } from "./instruction-routes.ts";
export { compterPostes, conditionFilePostes } from "./postes-queries.ts";
