/** What other folders may use of this capability: everything else is its own business. */
export { TACHES } from "./catalogue.ts";
export { etatDeLaFile } from "./etat.ts";
export { type ExecutionLocale, executerLocalement } from "./execution-locale.ts";
export { demarrerFileDeTaches } from "./file-de-taches.ts";
export { clientDeFile, type RelanceParFile, relanceParFile } from "./relance.ts";
export { routesTaches } from "./routes.ts";
export { type Travaux, travauxEnFile, travauxSurPlace } from "./travaux.ts";
