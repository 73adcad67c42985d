import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { SuiviRecrutementsTerritoire } from "../recrutement/PagesRecrutement.tsx";
import { decoupageDe, departementDe, LienStatistiques, VuePerimetre } from "./communs.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspacePrefet() {
  return (
    <GabaritEspace roleAttendu="prefet" titre="Espace de la préfecture">
      {(moi) => (
        <>
          <TableauDeBord
            titre="Tableau de bord du territoire"
            decoupage={decoupageDe(moi)}
            departementCarte={departementDe(moi)}
          />
          <LienStatistiques />
          <SuiviRecrutementsTerritoire />
          <VuePerimetre
            demandes="Demandes de postes de votre territoire"
            postes="Postes attribués dans votre territoire"
            structures="Structures d'accueil de votre territoire"
          />
        </>
      )}
    </GabaritEspace>
  );
}
