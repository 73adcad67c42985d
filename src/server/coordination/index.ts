/** What other folders may use of this capability: everything else is its own business. */
export { routesCoordination } from "./routes.ts";
