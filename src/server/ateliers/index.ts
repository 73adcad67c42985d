/** What other folders may use of this capability: everything else is its own business. */

export { routesAteliers, routesAteliersPublics } from "./routes.ts";
