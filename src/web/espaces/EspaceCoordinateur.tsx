import { SuiviConseillers } from "../pilotage/SuiviConseillers.tsx";
import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { SuiviFormationCoordinateur } from "../recrutement/PagesRecrutement.tsx";
import { LienStatistiques } from "./communs.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";
import { StructuresDuPerimetre } from "./StructuresDuPerimetre.tsx";

export function EspaceCoordinateur() {
  return (
    <GabaritEspace roleAttendu="coordinateur" titre="Espace du coordinateur">
      {() => (
        <>
          <TableauDeBord titre="Tableau de bord de votre périmètre" decoupage="total" />
          <SuiviConseillers titre="Les conseillers que vous coordonnez" />
          <LienStatistiques exportCra />
          <SuiviFormationCoordinateur />
          <StructuresDuPerimetre titre="Structures des conseillers que vous coordonnez" />
        </>
      )}
    </GabaritEspace>
  );
}
