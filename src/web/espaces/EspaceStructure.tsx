import { GrandLivre } from "../financement/GrandLivre.tsx";
import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { LienStatistiques } from "./communs.tsx";
import { FilesDeTravail } from "./FilesDeTravail.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceStructure() {
  return (
    <GabaritEspace roleAttendu="structure" titre="Espace de la structure d'accueil">
      {() => (
        <>
          <FilesDeTravail />
          <TableauDeBord titre="Tableau de bord de la structure" decoupage="total" />
          <LienStatistiques exportCra />
        </>
      )}
    </GabaritEspace>
  );
}

export function PageSubventionStructure() {
  return (
    <GabaritEspace roleAttendu="structure" titre="Subvention de vos postes">
      {() => <GrandLivre titre="Subvention par poste" lectureSeule />}
    </GabaritEspace>
  );
}
