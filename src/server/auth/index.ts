/** What other folders may use of this capability: everything else is its own business. */
export { creerJeton } from "./jetons.ts";
export { consignerConnexion } from "./journal-connexion.ts";
export { decrireMoi, moiSchema } from "./moi.ts";
export { routesAuth } from "./routes.ts";
