import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { useSearchParams } from "wouter";
import { appelerApi, ErreurApi } from "../api.ts";
import { useTitre } from "../socle/titre.ts";

/** The contact confirms by a click, so that a mail scanner opening the link files nothing. */
export function ConfirmationCandidature() {
  useTitre("Confirmer la candidature");
  const [params] = useSearchParams();
  const [resultat, setResultat] = useState<{ ok: boolean; message: string }>();
  const confirmer = async () => {
    try {
      const r = await appelerApi<{ message: string }>("/api/candidatures-structures/confirmation", {
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
      <h1>Confirmer la candidature</h1>
      {resultat ? (
        <Alert
          severity={resultat.ok ? "success" : "error"}
          title={resultat.ok ? "Candidature déposée" : "Lien inutilisable"}
          description={resultat.message}
        />
      ) : (
        <>
          <p>Confirmez pour déposer la candidature de votre structure.</p>
          <Button onClick={() => void confirmer()}>Confirmer et déposer la candidature</Button>
        </>
      )}
    </div>
  );
}
