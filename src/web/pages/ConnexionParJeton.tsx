import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { Link, useLocation, useSearchParams } from "wouter";
import { moiSchema } from "../../domain/session.ts";
import { appeler, ErreurApi } from "../api.ts";
import { useRafraichirMoi } from "../socle/moi.ts";
import { useTitre } from "../socle/titre.ts";

/**
 * The page a mailed link opens. Signing in waits for a click: mail scanners that open links
 * must not burn the single-use token.
 */
export function ConnexionParJeton({ nature }: { nature: "connexion" | "invitation" }) {
  const titre = nature === "connexion" ? "Connexion par lien" : "Activer mon accès";
  useTitre(titre);
  const [params] = useSearchParams();
  const jeton = params.get("jeton") ?? "";
  const [erreur, setErreur] = useState<string>();
  const [enCours, setEnCours] = useState(false);
  const rafraichir = useRafraichirMoi();
  const [, naviguer] = useLocation();

  const valider = async () => {
    setEnCours(true);
    try {
      const chemin = nature === "connexion" ? "/api/auth/lien/connexion" : "/api/auth/invitation";
      const moi = await appeler(moiSchema, chemin, { methode: "POST", corps: { jeton } });
      rafraichir(moi);
      naviguer(moi.habilitation?.accueil ?? "/espace");
    } catch (e) {
      setErreur(e instanceof ErreurApi ? e.message : "Une erreur est survenue.");
      setEnCours(false);
    }
  };

  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>{titre}</h1>
      {erreur ? (
        <>
          <Alert
            severity="error"
            title="Lien inutilisable"
            description={erreur}
            className={fr.cx("fr-mb-4w")}
          />
          <Link href="/connexion">Demander un nouveau lien de connexion</Link>
        </>
      ) : (
        <>
          <p>
            {nature === "connexion"
              ? "Confirmez pour ouvrir votre session sur cet appareil."
              : "Confirmez pour activer l'accès qui vous a été attribué et ouvrir votre session."}
          </p>
          <Button onClick={() => void valider()} disabled={enCours || !jeton}>
            {nature === "connexion" ? "Me connecter" : "Activer mon accès et me connecter"}
          </Button>
        </>
      )}
    </div>
  );
}
