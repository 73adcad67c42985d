/** What other folders may use of this capability: everything else is its own business. */
export { motifRecherche } from "./queries.ts";
export { routesUtilisateurs } from "./routes.ts";
export { inviterDansTransaction, inviterUtilisateur } from "./service.ts";
