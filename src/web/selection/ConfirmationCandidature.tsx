import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { useSearchParams } from "wouter";
import { messageSchema } from "../../domain/champs.ts";
import { appeler, ErreurApi } from "../api.ts";
import { useTitre } from "../socle/titre.ts";

/** A link received by mail is confirmed by a click, so that a mail scanner files nothing. */
export function ConfirmationParLien(props: {
  titre: string;
  consigne: string;
  bouton: string;
  api: string;
  titreSucces: string;
}) {
  useTitre(props.titre);
  const [params] = useSearchParams();
  const [resultat, setResultat] = useState<{ ok: boolean; message: string }>();
  const confirmer = async () => {
    try {
      const r = await appeler(messageSchema, props.api, {
        methode: "POST",
        corps: { jeton: params.get("jeton") ?? "" },
      });
      setResultat({ ok: true, message: r.message });
    } catch (e) {
      setResultat({
        ok: false,
        message: e instanceof ErreurApi ? e.message : "La confirmation a échoué.",
      });
    }
  };
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>{props.titre}</h1>
      {resultat ? (
        <Alert
          severity={resultat.ok ? "success" : "error"}
          title={resultat.ok ? props.titreSucces : "Lien inutilisable"}
          description={resultat.message}
        />
      ) : (
        <>
          <p>{props.consigne}</p>
          <Button onClick={() => void confirmer()}>{props.bouton}</Button>
        </>
      )}
    </div>
  );
}

export function ConfirmationCandidature() {
  return (
    <ConfirmationParLien
      titre="Confirmer la candidature"
      consigne="Confirmez pour déposer la candidature de votre structure."
      bouton="Confirmer et déposer la candidature"
      api="/api/candidatures-structures/confirmation"
      titreSucces="Candidature déposée"
    />
  );
}

export function ConfirmationCandidatureConseiller() {
  return (
    <ConfirmationParLien
      titre="Confirmer votre candidature"
      consigne="Confirmez pour enregistrer votre candidature de conseiller numérique."
      bouton="Confirmer ma candidature"
      api="/api/candidatures-conseillers/confirmation"
      titreSucces="Candidature enregistrée"
    />
  );
}
