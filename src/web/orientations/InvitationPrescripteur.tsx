import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, useState } from "react";
import { invitationPrescripteurSchema } from "../../domain/orientations/api.ts";
import { invitationFaiteSchema } from "../../domain/utilisateur.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useErreurs } from "../socle/erreurs.ts";

const vide = () => ({ email: "", prenom: "", nom: "", departement: "" });

/**
 * A hub invites the agents of France Services and the social workers of its territory to orient
 * persons to its places (docs/domaine/orientations.md §1).
 */
function Inviter() {
  const [e, setE] = useState(vide);
  const [faite, setFaite] = useState<{ n: number; email: string }>();
  const { erreurs, etat, generale, depuisSchema, depuisEchec, effacer } = useErreurs();
  const soumettre = async (ev: FormEvent) => {
    ev.preventDefault();
    const verifie = invitationPrescripteurSchema.safeParse(e);
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      document.getElementById("erreurs-prescripteur")?.focus();
      return;
    }
    try {
      await appeler(invitationFaiteSchema, "/api/orientations/prescripteurs", {
        methode: "POST",
        corps: e,
      });
      effacer();
      setFaite((f) => ({ n: (f?.n ?? 0) + 1, email: e.email }));
      setE(vide());
    } catch (err) {
      depuisEchec(err);
      document.getElementById("erreurs-prescripteur")?.focus();
    }
  };
  const champ = (cle: keyof ReturnType<typeof vide>, libelle: string, type = "text") => (
    <Input
      label={libelle}
      {...etat(cle)}
      nativeInputProps={{
        type,
        value: e[cle],
        onChange: (x) => setE({ ...e, [cle]: x.target.value }),
      }}
    />
  );
  return (
    <>
      {faite && (
        <Confirmation cle={faite.n} titre="Invitation envoyée">
          <p>{faite.email} reçoit un lien pour créer son compte, valable 28 jours.</p>
        </Confirmation>
      )}
      <p>
        Un prescripteur (agent France Services, travailleur social) oriente des personnes vers les
        lieux de médiation numérique et suit ce qu'elles deviennent. Il ne voit rien d'autre.
      </p>
      <form onSubmit={soumettre} noValidate>
        <div id="erreurs-prescripteur" tabIndex={-1} aria-live="polite">
          {erreurs.length > 0 && (
            <Alert
              severity="error"
              small
              className={fr.cx("fr-mb-2w")}
              description={
                generale(Object.keys(vide()))?.message ??
                "Le formulaire contient des erreurs : corrigez-les ci-dessous."
              }
            />
          )}
        </div>
        {champ("prenom", "Prénom")}
        {champ("nom", "Nom")}
        {champ("email", "Adresse électronique", "email")}
        {champ("departement", "Code du département où il travaille (par exemple 62)")}
        <Button type="submit">Inviter</Button>
      </form>
    </>
  );
}

export function PagePrescripteurs() {
  return <GabaritEspace titre="Inviter un prescripteur">{() => <Inviter />}</GabaritEspace>;
}
