import { fr } from "@codegouvfr/react-dsfr";
import { Tile } from "@codegouvfr/react-dsfr/Tile";
import { MaFormation } from "../recrutement/PagesRecrutement.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";
import { StructuresDuPerimetre } from "./StructuresDuPerimetre.tsx";

export function EspaceConseiller() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Espace du conseiller numérique">
      {() => (
        <>
          <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Nouveau compte rendu"
                desc="Enregistrer une activité en moins d'une minute"
                linkProps={{ href: "/espace/conseiller/cra/nouveau" }}
              />
            </li>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Mes comptes rendus"
                desc="Modifier, dupliquer ou supprimer"
                linkProps={{ href: "/espace/conseiller/cra" }}
              />
            </li>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Mes lieux d'activité"
                desc="Lieu principal, lieux secondaires et itinérance, horaires"
                linkProps={{ href: "/espace/conseiller/lieux" }}
              />
            </li>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Mes statistiques"
                desc="Mon activité, dans les deux unités"
                linkProps={{ href: "/espace/statistiques" }}
              />
            </li>
          </ul>
          <MaFormation />
          <StructuresDuPerimetre titre="Votre structure employeuse" />
        </>
      )}
    </GabaritEspace>
  );
}
