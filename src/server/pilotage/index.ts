/** What other folders may use of this capability: everything else is its own business. */
export { compterConseillersSuivis } from "./conseillers-queries.ts";
export { comptesPostes } from "./indicateurs-queries.ts";
export { routesPilotage } from "./routes.ts";
