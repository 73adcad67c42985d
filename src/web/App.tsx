import { fr } from "@codegouvfr/react-dsfr";
import { Display } from "@codegouvfr/react-dsfr/Display";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { Suspense, useEffect, useRef } from "react";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { Accueil } from "./pages/Accueil.tsx";
import { PageIntrouvable } from "./pages/PageIntrouvable.tsx";
import { Entete } from "./socle/Entete.tsx";
import { useMoi } from "./socle/moi.ts";
import { PiedDePage } from "./socle/PiedDePage.tsx";
import { paresseux } from "./socle/paresseux.ts";

const Connexion = paresseux(() => import("./pages/Connexion.tsx"), "Connexion");
const PageMesLieux = paresseux(() => import("./activite/MesLieux.tsx"), "PageMesLieux");
const PageAteliersStructure = paresseux(
  () => import("./ateliers/PagesAteliersStructure.tsx"),
  "PageAteliersStructure",
);
const PageNouvelAtelierStructure = paresseux(
  () => import("./ateliers/PagesAteliersStructure.tsx"),
  "PageNouvelAtelierStructure",
);
const PageOrienter = paresseux(() => import("./orientations/PageOrienter.tsx"), "PageOrienter");
const PageOrientationsEnvoyees = paresseux(
  () => import("./orientations/OrientationsEnvoyees.tsx"),
  "PageOrientationsEnvoyees",
);
const EspacePrescripteur = paresseux(
  () => import("./orientations/OrientationsEnvoyees.tsx"),
  "EspacePrescripteur",
);
const PageOrientationsRecues = paresseux(
  () => import("./orientations/OrientationsRecues.tsx"),
  "PageOrientationsRecues",
);
const PageStatistiquesOrientations = paresseux(
  () => import("./orientations/StatistiquesOrientations.tsx"),
  "PageStatistiquesOrientations",
);
const PagePrescripteurs = paresseux(
  () => import("./orientations/InvitationPrescripteur.tsx"),
  "PagePrescripteurs",
);
const PageMesPersonnes = paresseux(
  () => import("./beneficiaires/PagesPersonnes.tsx"),
  "PageMesPersonnes",
);
const PageNouvellePersonne = paresseux(
  () => import("./beneficiaires/PagesPersonnes.tsx"),
  "PageNouvellePersonne",
);
const PageFichePersonne = paresseux(
  () => import("./beneficiaires/PagesPersonnes.tsx"),
  "PageFichePersonne",
);
const PageModifierPersonne = paresseux(
  () => import("./beneficiaires/PagesPersonnes.tsx"),
  "PageModifierPersonne",
);
const PageFusionPersonnes = paresseux(
  () => import("./beneficiaires/FusionPersonnes.tsx"),
  "PageFusionPersonnes",
);
const PageImportPersonnes = paresseux(
  () => import("./beneficiaires/ImportPersonnes.tsx"),
  "PageImportPersonnes",
);
const PageAnnulationInscription = paresseux(
  () => import("./ateliers/PageAnnulationInscription.tsx"),
  "PageAnnulationInscription",
);
const PageProchainsAteliers = paresseux(
  () => import("./ateliers/PagesAteliersPublics.tsx"),
  "PageProchainsAteliers",
);
const PageAtelier = paresseux(() => import("./ateliers/PagesAteliersPublics.tsx"), "PageAtelier");
const PageMesAteliers = paresseux(
  () => import("./ateliers/PagesMesAteliers.tsx"),
  "PageMesAteliers",
);
const PageNouvelAtelier = paresseux(
  () => import("./ateliers/PagesMesAteliers.tsx"),
  "PageNouvelAtelier",
);
const PageMonAtelier = paresseux(() => import("./ateliers/PagesMesAteliers.tsx"), "PageMonAtelier");
const PageStatistiquesPartagees = paresseux(
  () => import("./partages/PageStatistiquesPartagees.tsx"),
  "PageStatistiquesPartagees",
);
const PageMesCoordinations = paresseux(
  () => import("./coordination/PagesCoordination.tsx"),
  "PageMesCoordinations",
);
const PageNouvelleCoordination = paresseux(
  () => import("./coordination/PagesCoordination.tsx"),
  "PageNouvelleCoordination",
);
const PageModifierCoordination = paresseux(
  () => import("./coordination/PagesCoordination.tsx"),
  "PageModifierCoordination",
);
const PageEquipe = paresseux(() => import("./coordination/PageEquipe.tsx"), "PageEquipe");
const PageMesCra = paresseux(() => import("./activite/PagesCra.tsx"), "PageMesCra");
const PageModifierCra = paresseux(() => import("./activite/PagesCra.tsx"), "PageModifierCra");
const PageNouveauCra = paresseux(() => import("./activite/PagesCra.tsx"), "PageNouveauCra");
const PageStatistiques = paresseux(() => import("./activite/Statistiques.tsx"), "PageStatistiques");
const PageStatistiquesPubliques = paresseux(
  () => import("./activite/Statistiques.tsx"),
  "PageStatistiquesPubliques",
);
const PageCarte = paresseux(() => import("./carte/PageCarte.tsx"), "PageCarte");
const PageLieu = paresseux(() => import("./carte/PageLieu.tsx"), "PageLieu");
const JournalAdmin = paresseux(() => import("./espaces/admin/Journal.tsx"), "JournalAdmin");
const TachesAdmin = paresseux(() => import("./espaces/admin/Taches.tsx"), "TachesAdmin");
const UtilisateursAdmin = paresseux(
  () => import("./espaces/admin/Utilisateurs.tsx"),
  "UtilisateursAdmin",
);
const EspaceAdmin = paresseux(() => import("./espaces/EspaceAdmin.tsx"), "EspaceAdmin");
const PageSelectionAdmin = paresseux(
  () => import("./espaces/EspaceAdmin.tsx"),
  "PageSelectionAdmin",
);
const PageEnveloppeAdmin = paresseux(
  () => import("./espaces/EspaceAdmin.tsx"),
  "PageEnveloppeAdmin",
);
const PageGrandLivre = paresseux(() => import("./espaces/EspaceFinanceur.tsx"), "PageGrandLivre");
const PageLieuxHub = paresseux(() => import("./espaces/EspaceHub.tsx"), "PageLieuxHub");
const PageSubventionStructure = paresseux(
  () => import("./espaces/EspaceStructure.tsx"),
  "PageSubventionStructure",
);
const PageDemandes = paresseux(() => import("./espaces/PagesListes.tsx"), "PageDemandes");
const PagePostes = paresseux(() => import("./espaces/PagesListes.tsx"), "PagePostes");
const PageStructures = paresseux(() => import("./espaces/PagesListes.tsx"), "PageStructures");
const PageConseillers = paresseux(() => import("./espaces/PagesListes.tsx"), "PageConseillers");
const PageContrats = paresseux(() => import("./recrutement/PagesRecrutement.tsx"), "PageContrats");
const EspaceCandidat = paresseux(() => import("./espaces/EspaceCandidat.tsx"), "EspaceCandidat");
const EspaceConseiller = paresseux(
  () => import("./espaces/EspaceConseiller.tsx"),
  "EspaceConseiller",
);
const EspaceCoordinateur = paresseux(
  () => import("./espaces/EspaceCoordinateur.tsx"),
  "EspaceCoordinateur",
);
const EspaceFinanceur = paresseux(() => import("./espaces/EspaceFinanceur.tsx"), "EspaceFinanceur");
const EspaceGrandReseau = paresseux(
  () => import("./espaces/EspaceGrandReseau.tsx"),
  "EspaceGrandReseau",
);
const EspaceHub = paresseux(() => import("./espaces/EspaceHub.tsx"), "EspaceHub");
const EspacePrefet = paresseux(() => import("./espaces/EspacePrefet.tsx"), "EspacePrefet");
const EspaceStructure = paresseux(() => import("./espaces/EspaceStructure.tsx"), "EspaceStructure");
const CourrielsAdmin = paresseux(
  () => import("./notifications/CourrielsAdmin.tsx"),
  "CourrielsAdmin",
);
const MesNotifications = paresseux(
  () => import("./notifications/MesNotifications.tsx"),
  "MesNotifications",
);
const Accessibilite = paresseux(() => import("./pages/Accessibilite.tsx"), "Accessibilite");
const Cgu = paresseux(() => import("./pages/Cgu.tsx"), "Cgu");
const ConnexionParJeton = paresseux(
  () => import("./pages/ConnexionParJeton.tsx"),
  "ConnexionParJeton",
);
const DonneesOuvertes = paresseux(() => import("./pages/DonneesOuvertes.tsx"), "DonneesOuvertes");
const DonneesPersonnelles = paresseux(
  () => import("./pages/DonneesPersonnelles.tsx"),
  "DonneesPersonnelles",
);
const MentionsLegales = paresseux(() => import("./pages/MentionsLegales.tsx"), "MentionsLegales");
const Personas = paresseux(() => import("./pages/Personas.tsx"), "Personas");
const PlanDuSite = paresseux(() => import("./pages/PlanDuSite.tsx"), "PlanDuSite");
const CandidatureConseiller = paresseux(
  () => import("./recrutement/CandidatureConseiller.tsx"),
  "CandidatureConseiller",
);
const PageFicheCandidat = paresseux(
  () => import("./recrutement/FicheCandidat.tsx"),
  "PageFicheCandidat",
);
const HistoriquePersonne = paresseux(
  () => import("./recrutement/PagesHistorique.tsx"),
  "HistoriquePersonne",
);
const HistoriquePoste = paresseux(
  () => import("./recrutement/PagesHistorique.tsx"),
  "HistoriquePoste",
);
const PageRecrutementsAdmin = paresseux(
  () => import("./recrutement/PagesRecrutement.tsx"),
  "PageRecrutementsAdmin",
);
const PageRecrutementsStructure = paresseux(
  () => import("./recrutement/PagesRecrutement.tsx"),
  "PageRecrutementsStructure",
);
const PageVivier = paresseux(() => import("./recrutement/Vivier.tsx"), "PageVivier");
const CandidatureStructure = paresseux(
  () => import("./selection/CandidatureStructure.tsx"),
  "CandidatureStructure",
);
const ConfirmationCandidature = paresseux(
  () => import("./selection/ConfirmationCandidature.tsx"),
  "ConfirmationCandidature",
);
const ConfirmationCandidatureConseiller = paresseux(
  () => import("./selection/ConfirmationCandidature.tsx"),
  "ConfirmationCandidatureConseiller",
);
const FicheDemande = paresseux(() => import("./selection/FicheDemande.tsx"), "FicheDemande");
const FicheStructure = paresseux(() => import("./selection/FicheStructure.tsx"), "FicheStructure");

/** Shown while a page's chunk loads (a fraction of a second on a good line). */
function Chargement() {
  return (
    <p className={fr.cx("fr-container", "fr-my-4w")} role="status">
      Chargement de la page…
    </p>
  );
}

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
        <Suspense fallback={<Chargement />}>
          <PageCarte integree />
        </Suspense>
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
        <Suspense fallback={<Chargement />}>
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
            <Route path="/espace/conseiller/personnes" component={PageMesPersonnes} />
            <Route path="/espace/conseiller/personnes/nouvelle" component={PageNouvellePersonne} />
            <Route path="/espace/conseiller/personnes/import" component={PageImportPersonnes} />
            <Route path="/espace/conseiller/personnes/:id" component={PageFichePersonne} />
            <Route
              path="/espace/conseiller/personnes/:id/modifier"
              component={PageModifierPersonne}
            />
            <Route
              path="/espace/conseiller/personnes/:id/fusion/:autre"
              component={PageFusionPersonnes}
            />
            <Route path="/espace/conseiller/ateliers" component={PageMesAteliers} />
            <Route path="/espace/conseiller/ateliers/nouveau" component={PageNouvelAtelier} />
            <Route path="/espace/conseiller/ateliers/:id" component={PageMonAtelier} />
            <Route path="/espace/conseiller/cra/nouveau" component={PageNouveauCra} />
            <Route path="/espace/conseiller/cra/:id" component={PageModifierCra} />
            <Route path="/espace/statistiques" component={PageStatistiques} />
            <Route path="/statistiques" component={PageStatistiquesPubliques} />
            <Route path="/statistiques/partage/:jeton" component={PageStatistiquesPartagees} />
            <Route path="/ateliers" component={PageProchainsAteliers} />
            <Route path="/ateliers/annulation" component={PageAnnulationInscription} />
            <Route path="/ateliers/:id" component={PageAtelier} />
            <Route path="/carte">{() => <PageCarte />}</Route>
            <Route path="/donnees-ouvertes" component={DonneesOuvertes} />
            <Route path="/lieux/:id" component={PageLieu} />
            <Route path="/espace/postes/:id" component={HistoriquePoste} />
            <Route path="/espace/demandes/:id" component={FicheDemande} />
            <Route path="/espace/structures/:id" component={FicheStructure} />
            <Route path="/espace" component={VersMonEspace} />
            <Route path="/espace/admin" component={EspaceAdmin} />
            <Route path="/espace/admin/selection" component={PageSelectionAdmin} />
            <Route path="/espace/admin/enveloppe" component={PageEnveloppeAdmin} />
            <Route path="/espace/financeur/grand-livre" component={PageGrandLivre} />
            <Route path="/espace/hub/lieux" component={PageLieuxHub} />
            <Route path="/espace/structure/subvention" component={PageSubventionStructure} />
            <Route path="/espace/demandes" component={PageDemandes} />
            <Route path="/espace/postes" component={PagePostes} />
            <Route path="/espace/structures" component={PageStructures} />
            <Route path="/espace/conseillers" component={PageConseillers} />
            <Route path="/espace/contrats" component={PageContrats} />
            <Route path="/espace/admin/utilisateurs" component={UtilisateursAdmin} />
            <Route path="/espace/admin/journal" component={JournalAdmin} />
            <Route path="/espace/admin/taches" component={TachesAdmin} />
            <Route path="/espace/admin/courriels" component={CourrielsAdmin} />
            <Route path="/espace/notifications" component={MesNotifications} />
            <Route path="/espace/prefet" component={EspacePrefet} />
            <Route path="/espace/structure" component={EspaceStructure} />
            <Route path="/espace/conseiller" component={EspaceConseiller} />
            <Route path="/espace/coordinateur" component={EspaceCoordinateur} />
            <Route path="/espace/coordinateur/equipe" component={PageEquipe} />
            <Route path="/espace/coordinateur/coordinations" component={PageMesCoordinations} />
            <Route
              path="/espace/coordinateur/coordinations/nouvelle"
              component={PageNouvelleCoordination}
            />
            <Route
              path="/espace/coordinateur/coordinations/:id"
              component={PageModifierCoordination}
            />
            <Route path="/espace/hub" component={EspaceHub} />
            <Route path="/espace/grand-reseau" component={EspaceGrandReseau} />
            <Route path="/espace/financeur" component={EspaceFinanceur} />
            <Route path="/espace/candidat" component={EspaceCandidat} />
            <Route path="/espace/structure/ateliers" component={PageAteliersStructure} />
            <Route
              path="/espace/structure/ateliers/nouveau"
              component={PageNouvelAtelierStructure}
            />
            <Route path="/espace/prescripteur" component={EspacePrescripteur} />
            <Route path="/espace/hub/prescripteurs" component={PagePrescripteurs} />
            <Route path="/espace/orientations/nouvelle" component={PageOrienter} />
            <Route path="/espace/orientations/envoyees" component={PageOrientationsEnvoyees} />
            <Route path="/espace/orientations/recues" component={PageOrientationsRecues} />
            <Route
              path="/espace/orientations/statistiques"
              component={PageStatistiquesOrientations}
            />
            <Route path="/accessibilite" component={Accessibilite} />
            <Route path="/mentions-legales" component={MentionsLegales} />
            <Route path="/donnees-personnelles" component={DonneesPersonnelles} />
            <Route path="/plan-du-site" component={PlanDuSite} />
            <Route path="/cgu" component={Cgu} />
            <Route component={PageIntrouvable} />
          </Switch>
        </Suspense>
      </main>
      <PiedDePage />
      <Display />
    </>
  );
}
