import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { MARQUE } from "./Entete.tsx";

export function PiedDePage() {
  return (
    <Footer
      brandTop={MARQUE}
      homeLinkProps={{ href: "/", title: "Accueil – Conseillers numériques France Services" }}
      accessibility="non compliant"
      accessibilityLinkProps={{ href: "/accessibilite" }}
      termsLinkProps={{ href: "/mentions-legales" }}
      websiteMapLinkProps={{ href: "/plan-du-site" }}
      contentDescription="Le dispositif Conseillers numériques France Services, piloté par l'Agence nationale de la cohésion des territoires, finance des conseillers qui accompagnent chacun vers l'autonomie numérique."
      bottomItems={[
        { text: "Données personnelles", linkProps: { href: "/donnees-personnelles" } },
        { text: "Conditions générales d'utilisation", linkProps: { href: "/cgu" } },
        { text: "Données ouvertes", linkProps: { href: "/donnees-ouvertes" } },
        headerFooterDisplayItem,
      ]}
    />
  );
}
