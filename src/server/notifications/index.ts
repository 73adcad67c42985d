/** What other folders may use of this capability: everything else is its own business. */
export { compterCourriels } from "./courriels-queries.ts";
export { envoyerDigests } from "./digests.ts";
export { reprendreCourriels } from "./reprise.ts";
export { routesNotifications } from "./routes.ts";
