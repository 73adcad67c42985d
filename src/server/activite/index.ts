/** What other folders may use of this capability: everything else is its own business. */
export { sommesDesCompteurs } from "./compteurs-sql.ts";
export { compterMesCra } from "./cra-queries.ts";
export { routesCra } from "./cra-routes.ts";
export { creerCraAnonymeDans, LIEU_D_UN_AUTRE } from "./cra-service.ts";
export { routesExportCra } from "./export-cra-routes.ts";
export { importerCraV1, lireFichierV1 } from "./import-cra-v1.ts";
export { routesCarteConseiller, routesLieux } from "./lieux-routes.ts";
export {
  appliquerCompteurs,
  reconstruireRollups,
  rollupAvecAttente,
  verifierRollups,
  verserAttente,
} from "./rollups.ts";
export { routesStatistiquesApi } from "./statistiques-api-routes.ts";
export { moisComplets, type Periode } from "./statistiques-queries.ts";
export { routesStatistiques } from "./statistiques-routes.ts";
export { periode, periodeSchema, statistiquesDuPerimetre } from "./statistiques-service.ts";
