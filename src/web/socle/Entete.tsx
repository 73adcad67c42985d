import "./entete.css";
import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { useLocation } from "wouter";
import { deconnexionSchema } from "../../domain/session.ts";
import { appeler } from "../api.ts";
import { oublierDonneesHorsLigne } from "./hors-ligne.ts";
import { useMoi, useRafraichirMoi } from "./moi.ts";

export const MARQUE = (
  <>
    République
    <br />
    Française
  </>
);

export function Entete() {
  const { data: moi } = useMoi();
  const rafraichir = useRafraichirMoi();
  const [, naviguer] = useLocation();

  const seDeconnecter = async () => {
    const { redirection } = await appeler(deconnexionSchema, "/api/auth/deconnexion", {
      methode: "POST",
    });
    await oublierDonneesHorsLigne();
    rafraichir(null);
    if (redirection.startsWith("/")) naviguer(redirection);
    else window.location.assign(redirection);
  };

  return (
    <Header
      brandTop={MARQUE}
      serviceTitle="Conseillers numériques France Services"
      serviceTagline="La plateforme du dispositif, de la candidature au compte rendu d'activité"
      homeLinkProps={{ href: "/", title: "Accueil – Conseillers numériques France Services" }}
      quickAccessItems={[
        headerFooterDisplayItem,
        {
          iconId: "fr-icon-map-pin-2-line" as const,
          text: "Trouver un conseiller",
          linkProps: { href: "/carte" },
        },
        {
          iconId: "fr-icon-calendar-line" as const,
          text: "Prochains ateliers",
          linkProps: { href: "/ateliers" },
        },
        ...(moi
          ? [
              {
                iconId: "fr-icon-account-circle-line" as const,
                text: `${moi.utilisateur.prenom} ${moi.utilisateur.nom}`,
                linkProps: { href: moi.habilitation?.accueil ?? "/espace" },
              },
              {
                iconId: "fr-icon-logout-box-r-line" as const,
                text: "Se déconnecter",
                buttonProps: { onClick: () => void seDeconnecter() },
              },
            ]
          : [
              {
                iconId: "fr-icon-account-circle-line" as const,
                text: "Se connecter",
                linkProps: { href: "/connexion" },
              },
            ]),
      ]}
    />
  );
}
