/** What other folders may use of this capability: everything else is its own business. */
export { routesPartages } from "./routes.ts";
