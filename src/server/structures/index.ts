/** What other folders may use of this capability: everything else is its own business. */
export { employeurA, employeurSql } from "./employeur.ts";
export { routesFicheStructure } from "./fiche-routes.ts";
export { lieuxDuConseillerLe } from "./lieux-du-jour.ts";
export { colonnesPerimetreStructure } from "./queries.ts";
export { routesStructures } from "./routes.ts";
