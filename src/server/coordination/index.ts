/** What other folders may use of this capability: everything else is its own business. */

export { routesEquipe } from "./equipe-routes.ts";
export { routesCoordination } from "./routes.ts";
export { type EcartCoordination, verifierCoordinations } from "./verification.ts";
