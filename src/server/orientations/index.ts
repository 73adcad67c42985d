/** What other folders may use of this capability: everything else is its own business. */

export { soignerOrientations } from "./conservation.ts";
export { marquerVue, orientationAVoir } from "./orientations-service.ts";
export { routesOrientations } from "./routes.ts";
export { verifierOrientations } from "./verification.ts";
