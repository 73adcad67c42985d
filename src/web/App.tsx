import { Display } from "@codegouvfr/react-dsfr/Display";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { useEffect, useRef } from "react";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { PageMesLieux } from "./activite/MesLieux.tsx";
import { PageMesCra, PageModifierCra, PageNouveauCra } from "./activite/PagesCra.tsx";
import { PageStatistiques, PageStatistiquesPubliques } from "./activite/Statistiques.tsx";
import { PageCarte } from "./carte/PageCarte.tsx";
import { PageLieu } from "./carte/PageLieu.tsx";
import { JournalAdmin } from "./espaces/admin/Journal.tsx";
import { UtilisateursAdmin } from "./espaces/admin/Utilisateurs.tsx";
import {
  EspaceAdmin,
  EspaceCandidat,
  EspaceConseiller,
  EspaceCoordinateur,
  EspaceFinanceur,
  EspaceGrandReseau,
  EspaceHub,
  EspacePrefet,
  EspaceStructure,
} from "./espaces/Espaces.tsx";
import { CourrielsAdmin } from "./notifications/CourrielsAdmin.tsx";
import { MesNotifications } from "./notifications/MesNotifications.tsx";
import { Accessibilite } from "./pages/Accessibilite.tsx";
import { Accueil } from "./pages/Accueil.tsx";
import { Cgu } from "./pages/Cgu.tsx";
import { Connexion } from "./pages/Connexion.tsx";
import { ConnexionParJeton } from "./pages/ConnexionParJeton.tsx";
import { DonneesOuvertes } from "./pages/DonneesOuvertes.tsx";
import { DonneesPersonnelles } from "./pages/DonneesPersonnelles.tsx";
import { MentionsLegales } from "./pages/MentionsLegales.tsx";
import { PageIntrouvable } from "./pages/PageIntrouvable.tsx";
import { Personas } from "./pages/Personas.tsx";
import { PlanDuSite } from "./pages/PlanDuSite.tsx";
import { CandidatureConseiller } from "./recrutement/CandidatureConseiller.tsx";
import { PageFicheCandidat } from "./recrutement/FicheCandidat.tsx";
import { HistoriquePersonne, HistoriquePoste } from "./recrutement/PagesHistorique.tsx";
import {
  PageRecrutementsAdmin,
  PageRecrutementsStructure,
} from "./recrutement/PagesRecrutement.tsx";
import { PageVivier } from "./recrutement/Vivier.tsx";
import { CandidatureStructure } from "./selection/CandidatureStructure.tsx";
import {
  ConfirmationCandidature,
  ConfirmationCandidatureConseiller,
} from "./selection/ConfirmationCandidature.tsx";
import { FicheDemande } from "./selection/FicheDemande.tsx";
import { FicheStructure } from "./selection/FicheStructure.tsx";
import { Entete } from "./socle/Entete.tsx";
import { useMoi } from "./socle/moi.ts";
import { PiedDePage } from "./socle/PiedDePage.tsx";

function VersMonEspace() {
  const { data: moi, isPending } = useMoi();
  if (isPending) return null;
  return <Redirect to={moi?.habilitation?.accueil ?? "/connexion"} replace />;
}

/**
 * After each navigation (not the first load, where the skip links come first), focus goes to
 * the main content so that screen readers start there.
 */
function useFocusApresNavigation() {
  const [chemin] = useLocation();
  const premier = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect must run on each new path.
  useEffect(() => {
    if (premier.current) {
      premier.current = false;
      return;
    }
    document.getElementById("contenu")?.focus({ preventScroll: false });
  }, [chemin]);
}

export function App() {
  useFocusApresNavigation();
  const [chemin] = useLocation();
  // The embeddable map: the search alone, framed by another site.
  if (chemin.startsWith("/integration/"))
    return (
      <main id="contenu" tabIndex={-1}>
        <PageCarte integree />
      </main>
    );
  return (
    <>
      <SkipLinks
        links={[
          { label: "Contenu", anchor: "#contenu" },
          { label: "Menu", anchor: "#fr-header-main-navigation" },
          { label: "Pied de page", anchor: "#fr-footer" },
        ]}
      />
      <Entete />
      <main id="contenu" tabIndex={-1}>
        <Switch>
          <Route path="/" component={Accueil} />
          <Route path="/connexion" component={Connexion} />
          <Route path="/connexion/lien">{() => <ConnexionParJeton nature="connexion" />}</Route>
          <Route path="/invitation">{() => <ConnexionParJeton nature="invitation" />}</Route>
          <Route path="/demo/personas" component={Personas} />
          <Route path="/candidature-structure" component={CandidatureStructure} />
          <Route path="/candidature-structure/confirmation" component={ConfirmationCandidature} />
          <Route path="/candidature-conseiller" component={CandidatureConseiller} />
          <Route
            path="/candidature-conseiller/confirmation"
            component={ConfirmationCandidatureConseiller}
          />
          <Route path="/espace/structure/vivier" component={PageVivier} />
          <Route path="/espace/structure/candidats/:id" component={PageFicheCandidat} />
          <Route path="/espace/structure/recrutements" component={PageRecrutementsStructure} />
          <Route path="/espace/admin/recrutements" component={PageRecrutementsAdmin} />
          <Route path="/espace/personnes/:id" component={HistoriquePersonne} />
          <Route path="/espace/conseiller/cra" component={PageMesCra} />
          <Route path="/espace/conseiller/lieux" component={PageMesLieux} />
          <Route path="/espace/conseiller/cra/nouveau" component={PageNouveauCra} />
          <Route path="/espace/conseiller/cra/:id" component={PageModifierCra} />
          <Route path="/espace/statistiques" component={PageStatistiques} />
          <Route path="/statistiques" component={PageStatistiquesPubliques} />
          <Route path="/carte">{() => <PageCarte />}</Route>
          <Route path="/donnees-ouvertes" component={DonneesOuvertes} />
          <Route path="/lieux/:id" component={PageLieu} />
          <Route path="/espace/postes/:id" component={HistoriquePoste} />
          <Route path="/espace/demandes/:id" component={FicheDemande} />
          <Route path="/espace/structures/:id" component={FicheStructure} />
          <Route path="/espace" component={VersMonEspace} />
          <Route path="/espace/admin" component={EspaceAdmin} />
          <Route path="/espace/admin/utilisateurs" component={UtilisateursAdmin} />
          <Route path="/espace/admin/journal" component={JournalAdmin} />
          <Route path="/espace/admin/courriels" component={CourrielsAdmin} />
          <Route path="/espace/notifications" component={MesNotifications} />
          <Route path="/espace/prefet" component={EspacePrefet} />
          <Route path="/espace/structure" component={EspaceStructure} />
          <Route path="/espace/conseiller" component={EspaceConseiller} />
          <Route path="/espace/coordinateur" component={EspaceCoordinateur} />
          <Route path="/espace/hub" component={EspaceHub} />
          <Route path="/espace/grand-reseau" component={EspaceGrandReseau} />
          <Route path="/espace/financeur" component={EspaceFinanceur} />
          <Route path="/espace/candidat" component={EspaceCandidat} />
          <Route path="/accessibilite" component={Accessibilite} />
          <Route path="/mentions-legales" component={MentionsLegales} />
          <Route path="/donnees-personnelles" component={DonneesPersonnelles} />
          <Route path="/plan-du-site" component={PlanDuSite} />
          <Route path="/cgu" component={Cgu} />
          <Route component={PageIntrouvable} />
        </Switch>
      </main>
      <PiedDePage />
      <Display />
    </>
  );
}
