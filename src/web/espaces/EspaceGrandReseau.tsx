import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { LienStatistiques } from "./communs.tsx";
import { FilesDeTravail } from "./FilesDeTravail.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceGrandReseau() {
  return (
    <GabaritEspace roleAttendu="grand_reseau" titre="Espace du grand réseau">
      {() => (
        <>
          <FilesDeTravail />
          <TableauDeBord titre="Tableau de bord du réseau" decoupage="departement" />
          <LienStatistiques />
        </>
      )}
    </GabaritEspace>
  );
}
