/** What other folders may use of this capability: everything else is its own business. */
export { routesMetriques } from "./metriques-routes.ts";
export { routesSante } from "./routes.ts";
