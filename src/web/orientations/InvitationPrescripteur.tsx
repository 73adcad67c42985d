import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, useState } from "react";
import { invitationPrescripteurSchema } from "../../domain/orientations/api.ts";
import { invitationFaiteSchema } from "../../domain/utilisateur.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { BandeauErreurs, useFormulaire } from "../socle/formulaire.tsx";

const vide = () => ({ email: "", prenom: "", nom: "", departement: "" });

/**
 * A hub invites the agents of France Services and the social workers of its territory to orient
 * persons to its places (docs/domaine/orientations.md §1).
 */
function Inviter() {
  const [e, setE] = useState(vide);
  const [faite, setFaite] = useState<{ n: number; email: string }>();
  const f = useFormulaire("erreurs-prescripteur");
  const { etat } = f;
  const soumettre = (ev: FormEvent) => {
    ev.preventDefault();
    return f.soumettre({
      schema: invitationPrescripteurSchema,
      saisie: e,
      envoyer: () =>
        appeler(invitationFaiteSchema, "/api/orientations/prescripteurs", {
          methode: "POST",
          corps: e,
        }),
      apres: () => {
        setFaite((x) => ({ n: (x?.n ?? 0) + 1, email: e.email }));
        setE(vide());
      },
    });
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
        <BandeauErreurs id={f.id} erreurs={f.erreurs} champs={Object.keys(vide())} />
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
