/** What other folders may use of this capability: everything else is its own business. */
export { CRAS_MAX, genererEchelleNationale } from "./echelle-nationale.ts";
export { genererDemo } from "./generateur.ts";
export { routesDemo } from "./routes.ts";
