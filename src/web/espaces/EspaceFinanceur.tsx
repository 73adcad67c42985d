import { GrandLivre } from "../financement/GrandLivre.tsx";
import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { LienStatistiques } from "./communs.tsx";
import { FilesDeTravail } from "./FilesDeTravail.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceFinanceur() {
  return (
    <GabaritEspace roleAttendu="financeur" titre="Espace du financeur (Banque des Territoires)">
      {() => (
        <>
          <FilesDeTravail />
          <TableauDeBord titre="Tableau de bord national" decoupage="region" />
          <LienStatistiques />
        </>
      )}
    </GabaritEspace>
  );
}

export function PageGrandLivre() {
  return (
    <GabaritEspace roleAttendu="financeur" titre="Grand livre des postes">
      {() => <GrandLivre />}
    </GabaritEspace>
  );
}
