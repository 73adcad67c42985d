import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { ImportLieux } from "../selection/ImportDecisions.tsx";
import { decoupageDe, departementDe, LienStatistiques, VuePerimetre } from "./communs.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceHub() {
  return (
    <GabaritEspace roleAttendu="hub" titre="Espace du hub territorial">
      {(moi) => (
        <>
          <TableauDeBord
            titre="Tableau de bord du territoire"
            decoupage={decoupageDe(moi)}
            departementCarte={departementDe(moi)}
          />
          <LienStatistiques />
          <VuePerimetre
            demandes="Demandes de postes de votre territoire"
            postes="Postes attribués dans votre territoire"
            structures="Structures d'accueil de votre territoire"
          />
          <ImportLieux />
        </>
      )}
    </GabaritEspace>
  );
}
