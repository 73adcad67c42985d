import { fr } from "@codegouvfr/react-dsfr";
import { Tile } from "@codegouvfr/react-dsfr/Tile";
import { Enveloppe } from "../pilotage/Enveloppe.tsx";
import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { Appels } from "../selection/Appels.tsx";
import { Comites } from "../selection/Comites.tsx";
import { ImportDecisions, ImportLieux } from "../selection/ImportDecisions.tsx";
import { ListeDemandes } from "../selection/ListeDemandes.tsx";
import { MesPostes } from "../selection/MesPostes.tsx";
import { LienStatistiques } from "./communs.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";
import { StructuresDuPerimetre } from "./StructuresDuPerimetre.tsx";

export function EspaceAdmin() {
  return (
    <GabaritEspace roleAttendu="admin" titre="Espace de l'administration nationale (ANCT)">
      {() => (
        <>
          <TableauDeBord titre="Tableau de bord national" decoupage="region" />
          <Enveloppe />
          <LienStatistiques exportCra />
          <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Utilisateurs et invitations"
                desc="Inviter, désactiver ou réactiver les comptes"
                linkProps={{ href: "/espace/admin/utilisateurs" }}
              />
            </li>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Recrutements et formation"
                desc="Valider les recrutements, ruptures et prolongations ; suivre les échéances"
                linkProps={{ href: "/espace/admin/recrutements" }}
              />
            </li>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Courriels envoyés"
                desc="Chaque courriel de la plateforme et son état de remise"
                linkProps={{ href: "/espace/admin/courriels" }}
              />
            </li>
            <li className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Tile
                title="Journal des modifications"
                desc="Qui a changé quoi, quand, avant et après"
                linkProps={{ href: "/espace/admin/journal" }}
              />
            </li>
          </ul>
          <ListeDemandes titre="Demandes de postes" />
          <Appels />
          <Comites />
          <ImportDecisions />
          <ImportLieux />
          <MesPostes titre="Postes attribués" />
          <StructuresDuPerimetre titre="Structures d'accueil (national)" />
        </>
      )}
    </GabaritEspace>
  );
}
