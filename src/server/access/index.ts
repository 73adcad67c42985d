/** What other folders may use of this capability: everything else is its own business. */
export { connexionRequise, installerAcces, structureDeSession } from "./acces.ts";
export { resoudrePerimetre } from "./perimetre-resolu.ts";
export { type ColonnesPerimetre, grainDuPerimetre, predicatPerimetre } from "./perimetre-sql.ts";
export {
  changerHabilitation,
  chargerSession,
  fermerSession,
  fermerSessionsUtilisateur,
  type HabilitationActive,
  ouvrirSession,
  type PorteurDePerimetre,
  type ReglesSession,
  type SessionChargee,
} from "./sessions.ts";
