import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { PERIMETRES_PAR_ROLE, type TypePerimetre } from "../../../domain/perimetre.ts";
import { GRANDS_RESEAUX } from "../../../domain/reseaux.ts";
import { LIBELLES_ROLES, ROLES, type Role } from "../../../domain/roles.ts";
import { invitationSchema } from "../../../domain/utilisateur.ts";
import { appelerApi } from "../../api.ts";
import { ChoixStructure } from "../../socle/ChoixStructure.tsx";
import { Confirmation } from "../../socle/Confirmation.tsx";
import { useErreurs } from "../../socle/erreurs.ts";
import { useTerritoires } from "../../socle/territoires.ts";

const LIBELLES_TYPES: Record<TypePerimetre, string> = {
  national: "National",
  departement: "Un département",
  region: "Une région",
  regions: "Des régions",
  departements: "Des départements",
  communes: "Des communes",
  conseillers: "Une liste de conseillers",
  structure: "Une structure",
  reseau: "Un réseau",
  soi: "Ses propres données",
};

const liste = (texte: string) => texte.split(/[\s,;]+/).filter(Boolean);

/** Builds the perimeter the API expects from the form's plain fields. */
function perimetreDe(type: TypePerimetre, valeur: string): unknown {
  switch (type) {
    case "national":
    case "soi":
      return { type };
    case "departement":
    case "region":
    case "reseau":
      return { type, code: valeur };
    case "regions":
    case "departements":
    case "communes":
      return { type, codes: liste(valeur) };
    case "conseillers":
      return { type, ids: liste(valeur) };
    case "structure":
      return { type, structureId: valeur.trim() };
  }
}

export function FormulaireInvitation() {
  const client = useQueryClient();
  const { data: territoires } = useTerritoires();
  const [champs, setChamps] = useState({ email: "", prenom: "", nom: "" });
  const [role, setRole] = useState<Role>("prefet");
  const [type, setType] = useState<TypePerimetre>("departement");
  const [valeur, setValeur] = useState("");
  const { message: erreurDe, generale, depuisSchema, depuisEchec, effacer } = useErreurs();
  const [succes, setSucces] = useState<string>();

  const etat = (champ: string) => (erreurDe(champ) ? ("error" as const) : ("default" as const));

  const changerRole = (r: Role) => {
    setRole(r);
    setType(PERIMETRES_PAR_ROLE[r][0]!);
    setValeur("");
  };

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    setSucces(undefined);
    const saisie = { ...champs, role, perimetre: perimetreDe(type, valeur) };
    const verifie = invitationSchema.safeParse(saisie);
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      return;
    }
    try {
      await appelerApi("/api/utilisateurs/invitations", { methode: "POST", corps: verifie.data });
      effacer();
      setSucces(`Invitation envoyée à ${verifie.data.email}.`);
      setChamps({ email: "", prenom: "", nom: "" });
      setValeur("");
      await client.invalidateQueries({ queryKey: ["utilisateurs"] });
    } catch (err) {
      depuisEchec(err, "L'invitation a échoué.");
    }
  };

  const erreurGenerale = generale(["email", "prenom", "nom", "role", "perimetre"]);

  return (
    <form onSubmit={envoyer} noValidate aria-labelledby="titre-invitation">
      <h2 id="titre-invitation">Inviter un utilisateur</h2>
      {succes && (
        <Confirmation cle={succes} titre={succes}>
          <p>Le lien d'activation est valable 28 jours. Vous pouvez inviter une autre personne.</p>
        </Confirmation>
      )}
      {erreurGenerale && (
        <Alert
          severity="error"
          small
          description={erreurGenerale.message}
          className={fr.cx("fr-mb-2w")}
        />
      )}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {(["email", "prenom", "nom"] as const).map((c) => (
          <div key={c} className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <Input
              label={{ email: "Adresse électronique", prenom: "Prénom", nom: "Nom" }[c]}
              state={etat(c)}
              stateRelatedMessage={erreurDe(c)}
              nativeInputProps={{
                name: c,
                type: c === "email" ? "email" : "text",
                autoComplete: "off",
                value: champs[c],
                onChange: (ev) => setChamps({ ...champs, [c]: ev.target.value }),
              }}
            />
          </div>
        ))}
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Select
            label="Rôle"
            nativeSelectProps={{
              name: "role",
              value: role,
              onChange: (ev) => changerRole(ev.target.value as Role),
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {LIBELLES_ROLES[r]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Select
            label="Périmètre"
            nativeSelectProps={{
              name: "type-perimetre",
              value: type,
              onChange: (ev) => {
                setType(ev.target.value as TypePerimetre);
                setValeur("");
              },
            }}
          >
            {PERIMETRES_PAR_ROLE[role].map((t) => (
              <option key={t} value={t}>
                {LIBELLES_TYPES[t]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <ValeurPerimetre
            type={type}
            valeur={valeur}
            onChange={setValeur}
            erreur={erreurDe("perimetre")}
            territoires={territoires}
          />
        </div>
      </div>
      <Button type="submit">Envoyer l'invitation</Button>
    </form>
  );
}

function ValeurPerimetre(props: {
  type: TypePerimetre;
  valeur: string;
  onChange: (v: string) => void;
  erreur: string | undefined;
  territoires: ReturnType<typeof useTerritoires>["data"];
}) {
  const etat = props.erreur ? ("error" as const) : ("default" as const);
  const commun = { state: etat, stateRelatedMessage: props.erreur };
  const select = (label: string, options: { code: string; nom: string }[]) => (
    <Select
      label={label}
      {...commun}
      nativeSelectProps={{
        name: "perimetre",
        value: props.valeur,
        onChange: (e) => props.onChange(e.target.value),
      }}
    >
      <option value="" disabled>
        Choisir
      </option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.nom} ({o.code})
        </option>
      ))}
    </Select>
  );
  switch (props.type) {
    case "national":
    case "soi":
      return null;
    case "departement":
      return select("Département", props.territoires?.departements ?? []);
    case "region":
      return select("Région", props.territoires?.regions ?? []);
    case "reseau":
      return select(
        "Réseau",
        GRANDS_RESEAUX.map((r) => ({ code: r.code, nom: r.libelle })),
      );
    case "structure":
      return (
        <ChoixStructure valeur={props.valeur} onChange={props.onChange} erreur={props.erreur} />
      );
    default: {
      const aides: Partial<Record<TypePerimetre, [string, string]>> = {
        regions: ["Codes des régions", "Séparés par des virgules, ex. 32, 75"],
        departements: ["Codes des départements", "Séparés par des virgules, ex. 971, 972"],
        communes: ["Codes INSEE des communes", "Séparés par des virgules, ex. 62119, 62516"],
        conseillers: ["Identifiants des conseillers", "Séparés par des virgules"],
      };
      const [label, aide] = aides[props.type] ?? ["Valeur", ""];
      return (
        <Input
          label={label}
          hintText={aide}
          {...commun}
          nativeInputProps={{
            name: "perimetre",
            value: props.valeur,
            onChange: (e) => props.onChange(e.target.value),
          }}
        />
      );
    }
  }
}
