/** What other folders may use of this capability: everything else is its own business. */
export { routesCarte } from "./carte-routes.ts";
export { routesImportLieux } from "./import-routes.ts";
export { routesSignalement } from "./signalement-routes.ts";
