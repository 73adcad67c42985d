import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "wouter";
import { messageSchema } from "../../domain/champs.ts";
import { messageEchecProConnect } from "../../domain/connexion.ts";
import { configConnexionSchema } from "../../domain/session.ts";
import { demandeLienSchema } from "../../domain/utilisateur.ts";
import { appeler, ErreurApi } from "../api.ts";
import { useTitre } from "../socle/titre.ts";

export function Connexion() {
  useTitre("Se connecter");
  const [params] = useSearchParams();
  const erreurProConnect = messageEchecProConnect(params.get("erreur"));
  const { data: moyens } = useQuery({
    queryKey: ["auth-config"],
    queryFn: () => appeler(configConnexionSchema, "/api/auth/config"),
  });
  const [email, setEmail] = useState("");
  const [erreur, setErreur] = useState<string>();
  const [envoye, setEnvoye] = useState<string>();
  const [enCours, setEnCours] = useState(false);

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    const verifie = demandeLienSchema.safeParse({ email });
    if (!verifie.success) {
      setErreur(verifie.error.issues[0]?.message);
      return;
    }
    setErreur(undefined);
    setEnCours(true);
    try {
      const r = await appeler(messageSchema, "/api/auth/lien", {
        methode: "POST",
        corps: verifie.data,
      });
      setEnvoye(r.message);
    } catch (err) {
      setErreur(err instanceof ErreurApi ? err.message : "Une erreur est survenue.");
    } finally {
      setEnCours(false);
    }
  };

  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
          <h1>Se connecter</h1>
          {erreurProConnect && (
            <Alert
              severity="error"
              title="Connexion impossible"
              description={erreurProConnect}
              className={fr.cx("fr-mb-4w")}
            />
          )}
          {moyens?.proconnect && (
            <section className={fr.cx("fr-mb-6w")} aria-labelledby="titre-proconnect">
              <h2 id="titre-proconnect" className={fr.cx("fr-h4")}>
                Agents publics et professionnels
              </h2>
              <div className="fr-connect-group">
                <a className="fr-connect" href="/api/auth/proconnect">
                  <span className="fr-connect__login">S'identifier avec</span>{" "}
                  <span className="fr-connect__brand">ProConnect</span>
                </a>
                <p>
                  <a
                    href="https://www.proconnect.gouv.fr/"
                    target="_blank"
                    rel="noopener"
                    title="Qu'est-ce que ProConnect ? – nouvelle fenêtre"
                  >
                    Qu'est-ce que ProConnect ?
                  </a>
                </p>
              </div>
            </section>
          )}
          <section aria-labelledby="titre-lien">
            <h2 id="titre-lien" className={fr.cx("fr-h4")}>
              Recevoir un lien de connexion par courriel
            </h2>
            {envoye ? (
              <Alert severity="success" title="Vérifiez votre messagerie" description={envoye} />
            ) : (
              <form onSubmit={envoyer} noValidate>
                <Input
                  label="Adresse électronique"
                  hintText="Format attendu : prenom.nom@exemple.fr"
                  state={erreur ? "error" : "default"}
                  stateRelatedMessage={erreur}
                  nativeInputProps={{
                    type: "email",
                    name: "email",
                    autoComplete: "email",
                    value: email,
                    onChange: (e) => setEmail(e.target.value),
                    required: true,
                  }}
                />
                <Button type="submit" disabled={enCours}>
                  Recevoir un lien de connexion
                </Button>
              </form>
            )}
          </section>
          {moyens?.demo && (
            <p className={fr.cx("fr-mt-6w")}>
              Plateforme de démonstration :{" "}
              <Link href="/demo/personas">essayer chaque rôle avec un persona</Link>.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
