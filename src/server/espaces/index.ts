/** What other folders may use of this capability: everything else is its own business. */
export { routesExports } from "./exports-routes.ts";
export { routesEspaces } from "./routes.ts";
