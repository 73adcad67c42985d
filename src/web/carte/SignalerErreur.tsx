import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, useState } from "react";
import { appelerApi, ErreurApi } from "../api.ts";

/** "Report an error" on a place's page: the conseillers who work there are told. */
export function SignalerErreur({ lieuId }: { lieuId: string }) {
  const [message, setMessage] = useState("");
  const [courriel, setCourriel] = useState("");
  const [erreurs, setErreurs] = useState<Record<string, string>>({});
  const [envoye, setEnvoye] = useState(false);
  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await appelerApi(`/api/v1/lieux/${encodeURIComponent(lieuId)}/signalements`, {
        methode: "POST",
        corps: { message, courriel },
      });
      setEnvoye(true);
      setErreurs({});
    } catch (err) {
      setErreurs(
        err instanceof ErreurApi
          ? Object.fromEntries(err.erreurs.map((x) => [x.champ || "message", x.message]))
          : { message: "L'envoi a échoué : réessayez plus tard." },
      );
    }
  };
  if (envoye)
    return (
      <Alert
        severity="success"
        title="Merci, votre signalement est envoyé"
        description="Les personnes qui tiennent cette fiche à jour en sont prévenues."
      />
    );
  return (
    <form onSubmit={envoyer} noValidate aria-labelledby="titre-signaler">
      <h2 id="titre-signaler" className={fr.cx("fr-h5")}>
        Signaler une erreur sur cette fiche
      </h2>
      <Input
        textArea
        label="Qu'est-ce qui est inexact ?"
        hintText="Horaires, adresse, téléphone, services… (10 caractères au moins)"
        state={erreurs.message ? "error" : "default"}
        stateRelatedMessage={erreurs.message}
        nativeTextAreaProps={{
          name: "message",
          value: message,
          maxLength: 2000,
          onChange: (e) => setMessage(e.target.value),
        }}
      />
      <Input
        label="Votre adresse électronique (facultatif)"
        hintText="Pour vous répondre si besoin"
        state={erreurs.courriel ? "error" : "default"}
        stateRelatedMessage={erreurs.courriel}
        nativeInputProps={{
          type: "email",
          name: "courriel",
          autoComplete: "email",
          value: courriel,
          onChange: (e) => setCourriel(e.target.value),
        }}
      />
      <Button type="submit" priority="secondary">
        Envoyer le signalement
      </Button>
    </form>
  );
}
