import { fr } from "@codegouvfr/react-dsfr";
import { Tile } from "@codegouvfr/react-dsfr/Tile";
import { GrandLivre } from "../financement/GrandLivre.tsx";
import { SuiviConseillers } from "../pilotage/SuiviConseillers.tsx";
import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { ListeDemandes } from "../selection/ListeDemandes.tsx";
import { MesPostes } from "../selection/MesPostes.tsx";
import { NouvelleDemande } from "../selection/NouvelleDemande.tsx";
import { LienStatistiques } from "./communs.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";
import { StructuresDuPerimetre } from "./StructuresDuPerimetre.tsx";

export function EspaceStructure() {
  return (
    <GabaritEspace roleAttendu="structure" titre="Espace de la structure d'accueil">
      {() => (
        <>
          <TableauDeBord titre="Tableau de bord de la structure" decoupage="total" />
          <GrandLivre titre="Subvention de vos postes" lectureSeule />
          <SuiviConseillers titre="Activité de vos conseillers" />
          <LienStatistiques exportCra />
          <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Vivier de candidats"
                desc="Les candidats près de chez vous, du plus proche au plus lointain"
                linkProps={{ href: "/espace/structure/vivier" }}
              />
            </li>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Mes recrutements"
                desc="Échéances, contrats, formation, ruptures et renouvellements"
                linkProps={{ href: "/espace/structure/recrutements" }}
              />
            </li>
          </ul>
          <MesPostes titre="Mes postes" />
          <ListeDemandes titre="Mes demandes" />
          <NouvelleDemande />
          <StructuresDuPerimetre titre="Votre structure" />
        </>
      )}
    </GabaritEspace>
  );
}
