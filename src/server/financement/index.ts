/** What other folders may use of this capability: everything else is its own business. */
export { filtrerGrandLivre, grandLivreAuxDates, lirePeriodes, periodesSql } from "./grand-livre.ts";
export { routesFinancement } from "./routes.ts";
