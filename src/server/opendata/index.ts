/** What other folders may use of this capability: everything else is its own business. */
export { genererDonneesOuvertes, genererDonneesOuvertesSiPerimees } from "./generation.ts";
export { routesDonneesOuvertes } from "./routes.ts";
