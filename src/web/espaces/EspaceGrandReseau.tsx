import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { LienStatistiques, VuePerimetre } from "./communs.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceGrandReseau() {
  return (
    <GabaritEspace roleAttendu="grand_reseau" titre="Espace du grand réseau">
      {() => (
        <>
          <TableauDeBord titre="Tableau de bord du réseau" decoupage="departement" />
          <LienStatistiques />
          <VuePerimetre
            demandes="Demandes de postes de votre réseau"
            postes="Postes attribués à votre réseau"
            structures="Structures de votre réseau"
          />
        </>
      )}
    </GabaritEspace>
  );
}
