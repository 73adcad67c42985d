/** What other folders may use of this capability: everything else is its own business. */

export { historiqueDesCibles } from "./journal-queries.ts";
export { routesJournal } from "./routes.ts";
