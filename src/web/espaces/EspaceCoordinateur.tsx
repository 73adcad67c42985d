import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { LienStatistiques } from "./communs.tsx";
import { FilesDeTravail } from "./FilesDeTravail.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceCoordinateur() {
  return (
    <GabaritEspace roleAttendu="coordinateur" titre="Espace du coordinateur">
      {() => (
        <>
          <FilesDeTravail />
          <TableauDeBord titre="Tableau de bord de votre périmètre" decoupage="total" />
          <LienStatistiques exportCra />
        </>
      )}
    </GabaritEspace>
  );
}
