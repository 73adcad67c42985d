import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { InvitationsEquipe } from "../coordination/InvitationsEquipe.tsx";
import { MaFormation } from "../recrutement/PagesRecrutement.tsx";
import { FilesDeTravail } from "./FilesDeTravail.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";
import { StructuresDuPerimetre } from "./StructuresDuPerimetre.tsx";

export function EspaceConseiller() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Espace du conseiller numérique">
      {() => (
        <>
          <p className={fr.cx("fr-mb-4w")}>
            <Button
              iconId="fr-icon-add-line"
              linkProps={{ href: "/espace/conseiller/cra/nouveau" }}
              size="large"
            >
              Saisir un compte rendu
            </Button>
          </p>
          <InvitationsEquipe />
          <FilesDeTravail />
          <MaFormation />
          <StructuresDuPerimetre titre="Votre structure employeuse" />
        </>
      )}
    </GabaritEspace>
  );
}
