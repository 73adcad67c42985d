import { fr } from "@codegouvfr/react-dsfr";
import { Tile } from "@codegouvfr/react-dsfr/Tile";
import type { Moi } from "../../domain/session.ts";
import { LiensExportCra } from "../activite/PagesCra.tsx";
import { GrandLivre } from "../financement/GrandLivre.tsx";
import { Enveloppe } from "../pilotage/Enveloppe.tsx";
import { SuiviConseillers } from "../pilotage/SuiviConseillers.tsx";
import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { MaCandidature } from "../recrutement/MaCandidature.tsx";
import {
  MaFormation,
  SuiviFormationCoordinateur,
  SuiviRecrutementsTerritoire,
} from "../recrutement/PagesRecrutement.tsx";
import { Appels } from "../selection/Appels.tsx";
import { Comites } from "../selection/Comites.tsx";
import { ImportDecisions, ImportLieux } from "../selection/ImportDecisions.tsx";
import { ListeDemandes } from "../selection/ListeDemandes.tsx";
import { MesPostes } from "../selection/MesPostes.tsx";
import { NouvelleDemande } from "../selection/NouvelleDemande.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";
import { StructuresDuPerimetre } from "./StructuresDuPerimetre.tsx";

/** Every scope has its activity statistics one click away. */
function LienStatistiques({ exportCra = false }: { exportCra?: boolean }) {
  return (
    <>
      {exportCra && <LiensExportCra />}
      <p className={fr.cx("fr-mb-3w")}>
        <a
          className={fr.cx("fr-link", "fr-icon-line-chart-line", "fr-link--icon-left")}
          href="/espace/statistiques"
        >
          Statistiques d'activité de mon périmètre
        </a>
      </p>
    </>
  );
}

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

/** A one-département scope breaks down by arrondissement; a wider one by département. */
function decoupageDe(moi: Moi) {
  return moi.habilitation?.perimetre.type === "departement" ? "arrondissement" : "departement";
}
const departementDe = (moi: Moi) =>
  moi.habilitation?.perimetre.type === "departement" ? moi.habilitation.perimetre.code : undefined;

/** What every territorial reader sees: the requests, the posts and the structures of its scope. */
function VuePerimetre(props: { demandes: string; postes: string; structures: string }) {
  return (
    <>
      <ListeDemandes titre={props.demandes} />
      <MesPostes titre={props.postes} />
      <StructuresDuPerimetre titre={props.structures} />
    </>
  );
}

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

export function EspaceHub() {
  return (
    <GabaritEspace roleAttendu="hub" titre="Espace du hub territorial">
      {(moi) => (
        <>
          <TableauDeBord
            titre="Tableau de bord du territoire"
            decoupage={decoupageDe(moi)}
            departementCarte={departementDe(moi)}
          />
          <LienStatistiques />
          <VuePerimetre
            demandes="Demandes de postes de votre territoire"
            postes="Postes attribués dans votre territoire"
            structures="Structures d'accueil de votre territoire"
          />
          <ImportLieux />
        </>
      )}
    </GabaritEspace>
  );
}

export function EspaceGrandReseau() {
  return (
    <GabaritEspace roleAttendu="grand_reseau" titre="Espace du grand réseau">
      {() => (
        <>
          <TableauDeBord titre="Tableau de bord du réseau" decoupage="departement" />
          <LienStatistiques />
          <VuePerimetre
            demandes="Demandes de postes de votre réseau"
            postes="Postes attribués à votre réseau"
            structures="Structures de votre réseau"
          />
        </>
      )}
    </GabaritEspace>
  );
}

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

export function EspaceCandidat() {
  return (
    <GabaritEspace roleAttendu="candidat" titre="Espace candidat">
      {() => <MaCandidature />}
    </GabaritEspace>
  );
}
