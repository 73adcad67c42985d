/** What other folders may use of this capability: everything else is its own business. */
export { communeDeLAdresse, rechercherCommunes } from "./communes.ts";
export {
  colonnesPosition,
  localiserLaCommune,
  localiserOuCommune,
  type Position,
  placerAuPointDeLaCommune,
} from "./position.ts";
export { resolveurDeCommunes } from "./resolution-communes.ts";
export { routesReferentiel } from "./routes.ts";
export { departementsDesRegions } from "./territoires-queries.ts";
