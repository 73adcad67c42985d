/** What other folders may use of this capability: everything else is its own business. */

export { soignerAteliers } from "./rappels.ts";
export { routesAteliers, routesAteliersPublics } from "./routes.ts";
export { routesAteliersStructure } from "./structure-routes.ts";
export { verifierAteliers } from "./verification.ts";
