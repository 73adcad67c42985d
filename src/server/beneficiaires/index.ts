/** What other folders may use of this capability: everything else is its own business. */

export { lecteurDuJour } from "./beneficiaires-queries.ts";
export { conserverPersonnesSuivies } from "./conservation.ts";
export {
  lierPersonnes,
  PERSONNE_NOMMEE_INCONNUE,
  personnesDuCra,
  personnesIllisiblesDuCra,
  personnesNommees,
} from "./personnes-du-cra.ts";
export { routesBeneficiaires } from "./routes.ts";
export { type EcartPersonnesNommees, verifierPersonnesNommees } from "./verification.ts";
