import { GrandLivre } from "../financement/GrandLivre.tsx";
import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { LienStatistiques, VuePerimetre } from "./communs.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceFinanceur() {
  return (
    <GabaritEspace roleAttendu="financeur" titre="Espace du financeur (Banque des Territoires)">
      {() => (
        <>
          <TableauDeBord titre="Tableau de bord national" decoupage="region" />
          <LienStatistiques />
          <GrandLivre />
          <VuePerimetre
            demandes="Demandes de postes"
            postes="Postes attribués"
            structures="Structures d'accueil financées"
          />
        </>
      )}
    </GabaritEspace>
  );
}
