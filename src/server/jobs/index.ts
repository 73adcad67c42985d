/** What other folders may use of this capability: everything else is its own business. */
export { traiterEcheances } from "./echeances.ts";
export { localiserEnAttente } from "./localisation.ts";
export { faireLeMenage } from "./menage.ts";
