import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { annulationFaiteSchema } from "../../domain/ateliers/api.ts";
import { appeler, ErreurApi } from "../api.ts";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useTitre } from "../socle/titre.ts";

/**
 * Where the link of a workshop registration leads (docs/domaine/ateliers.md §4). The secret is
 * in the address's fragment, which the browser never sends to the server: it is posted only
 * when the person confirms, so that opening the link (a mail scanner, a preview) cancels nothing.
 */
export function PageAnnulationInscription() {
  useTitre("Annuler mon inscription à un atelier");
  const jeton = window.location.hash.slice(1);
  const [etat, setEtat] = useState<"attente" | "envoi" | "faite">("attente");
  const [erreur, setErreur] = useState<string>();
  const annuler = async () => {
    setEtat("envoi");
    setErreur(undefined);
    try {
      await appeler(annulationFaiteSchema, "/api/v1/ateliers/annulation", {
        methode: "POST",
        corps: { jeton },
      });
      setEtat("faite");
    } catch (e) {
      setErreur(e instanceof ErreurApi ? e.message : "L'annulation a échoué. Réessayez.");
      setEtat("attente");
    }
  };
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Annuler mon inscription à un atelier</h1>
      {etat === "faite" ? (
        <Confirmation cle={1} titre="Inscription annulée">
          <p>Votre place est libérée pour une autre personne. Merci de l'avoir signalé.</p>
        </Confirmation>
      ) : !jeton ? (
        <Alert
          severity="error"
          title="Ce lien est incomplet"
          description="Ouvrez le lien reçu par courriel lors de votre inscription, en entier."
        />
      ) : (
        <>
          <p>Vous ne pouvez pas venir ? Annulez pour laisser votre place à quelqu'un d'autre.</p>
          <div aria-live="polite">
            {erreur && (
              <Alert severity="error" small description={erreur} className={fr.cx("fr-mb-2w")} />
            )}
          </div>
          <Button onClick={annuler} disabled={etat === "envoi"}>
            Annuler mon inscription
          </Button>
        </>
      )}
    </div>
  );
}
