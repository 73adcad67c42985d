import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import { beneficiaireSchema } from "../../domain/beneficiaires/beneficiaire.ts";
import { CONSERVATION } from "../../domain/conservation.ts";
import { GENRES, STATUTS_SOCIAUX } from "../../domain/cra/vocabulaire.ts";
import { ChoixCommune } from "../socle/ChoixCommune.tsx";
import { useErreurs } from "../socle/erreurs.ts";
import { PersonnesSemblables } from "./PersonnesSemblables.tsx";
import { type EtatPersonne, versSaisiePersonne } from "./saisie-personne.ts";

const CHAMPS = [
  "prenom",
  "nom",
  "anneeNaissance",
  "communeCode",
  "telephone",
  "email",
  "genre",
  "statut",
  "notes",
  "informee",
];

/** What the data is for, said before anything is typed: the person must have been told. */
export function UsageDesDonnees() {
  return (
    <div className={fr.cx("fr-callout", "fr-mb-4w")}>
      <h2 className={fr.cx("fr-callout__title", "fr-h6")}>À quoi servent ces informations</h2>
      <p className={fr.cx("fr-callout__text", "fr-text--md")}>
        Elles servent uniquement à retrouver les accompagnements de la personne d'une fois sur
        l'autre. Seul le nom est obligatoire. Vous seul les voyez, et vos collègues de la structure
        si la personne l'accepte ; ni la coordination, ni la préfecture, ni l'ANCT ne les lisent :
        ils ne voient que des nombres. Elles sont supprimées après{" "}
        {CONSERVATION.personneSuivie.mois} mois sans accompagnement (vous êtes prévenu{" "}
        {CONSERVATION.personneSuivie.preavisJours} jours avant). La personne peut demander à tout
        moment à les consulter, à les corriger ou à les faire supprimer.
      </p>
    </div>
  );
}

/**
 * A followed person's file, checked with the server's schema; the persons already followed that
 * look like the one typed are proposed as it is typed (except the file itself, `id`).
 */
export function FormulairePersonne(props: {
  initial: EtatPersonne;
  id?: string;
  libelleEnvoi: string;
  envoyer: (saisie: ReturnType<typeof versSaisiePersonne>) => Promise<void>;
}) {
  const [e, setE] = useState(props.initial);
  const { erreurs, message, etat, depuisSchema, depuisEchec, effacer, generale } = useErreurs();
  const [enCours, setEnCours] = useState(false);
  const champ = (cle: keyof EtatPersonne) => (x: { target: { value: string } }) =>
    setE({ ...e, [cle]: x.target.value });

  const soumettre = async (ev: FormEvent) => {
    ev.preventDefault();
    const saisie = versSaisiePersonne(e);
    const verifie = beneficiaireSchema.safeParse(saisie);
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      document.getElementById("erreurs-personne")?.focus();
      return;
    }
    setEnCours(true);
    try {
      await props.envoyer(saisie);
      effacer();
    } catch (err) {
      depuisEchec(err);
      document.getElementById("erreurs-personne")?.focus();
    } finally {
      setEnCours(false);
    }
  };
  const autre = generale(CHAMPS);

  return (
    <form onSubmit={soumettre} noValidate>
      <div id="erreurs-personne" tabIndex={-1} aria-live="polite">
        {erreurs.length > 0 && (
          <Alert
            severity="error"
            title="La fiche n'a pas pu être enregistrée"
            description={
              autre?.message ??
              `${erreurs.length === 1 ? "Un champ est à corriger" : `${erreurs.length} champs sont à corriger`} : ${erreurs.map((x) => x.message).join(" ")}`
            }
            className={fr.cx("fr-mb-3w")}
          />
        )}
      </div>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Input
            label="Prénom (facultatif)"
            {...etat("prenom")}
            nativeInputProps={{ value: e.prenom, onChange: champ("prenom"), autoComplete: "off" }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Input
            label="Nom"
            {...etat("nom")}
            nativeInputProps={{
              value: e.nom,
              onChange: champ("nom"),
              required: true,
              autoComplete: "off",
            }}
          />
        </div>
      </div>
      <PersonnesSemblables
        prenom={e.prenom}
        nom={e.nom}
        telephone={e.sansTelephone ? "" : e.telephone}
        email={e.email}
        {...(props.id ? { sauf: props.id } : {})}
      />
      <Input
        label="Année de naissance (facultatif)"
        hintText="L'année seule suffit à la tranche d'âge (ex. 1962)."
        {...etat("anneeNaissance")}
        nativeInputProps={{
          inputMode: "numeric",
          value: e.anneeNaissance,
          onChange: champ("anneeNaissance"),
        }}
      />
      <ChoixCommune
        libelle="Commune de résidence (facultatif)"
        valeur={e.communeCode}
        onChange={(communeCode) => setE({ ...e, communeCode })}
        erreur={message("communeCode")}
        optionnelle
      />
      <Input
        label="Téléphone (facultatif)"
        hintText="10 chiffres, ou + suivi de l'indicatif (ex. 06 12 34 56 78)."
        {...etat("telephone")}
        disabled={e.sansTelephone}
        nativeInputProps={{
          type: "tel",
          value: e.sansTelephone ? "" : e.telephone,
          onChange: champ("telephone"),
        }}
      />
      <Checkbox
        options={[
          {
            label: "La personne n'a pas de téléphone",
            nativeInputProps: {
              checked: e.sansTelephone,
              onChange: () => setE({ ...e, sansTelephone: !e.sansTelephone }),
            },
          },
        ]}
      />
      <Input
        label="Adresse électronique (facultatif)"
        {...etat("email")}
        nativeInputProps={{ type: "email", value: e.email, onChange: champ("email") }}
      />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select
            label="Genre (facultatif)"
            {...etat("genre")}
            nativeSelectProps={{ value: e.genre, onChange: champ("genre") }}
          >
            <option value="">Non renseigné</option>
            {Object.entries(GENRES)
              .filter(([v]) => v !== "non_communique")
              .map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select
            label="Statut (facultatif)"
            {...etat("statut")}
            nativeSelectProps={{ value: e.statut, onChange: champ("statut") }}
          >
            <option value="">Non renseigné</option>
            {Object.entries(STATUTS_SOCIAUX)
              .filter(([v]) => v !== "non_communique")
              .map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
          </Select>
        </div>
      </div>
      <Input
        label="Notes (facultatif)"
        hintText="Ce qui aide à reprendre l'accompagnement ; jamais de donnée de santé ni d'opinion."
        textArea
        {...etat("notes")}
        nativeTextAreaProps={{ value: e.notes, onChange: champ("notes"), rows: 4 }}
      />
      <Checkbox
        legend="Accord de la personne"
        {...etat("informee")}
        options={[
          {
            label: "J'ai informé la personne de l'usage de ces informations, et elle l'accepte",
            nativeInputProps: {
              checked: e.informee,
              onChange: () => setE({ ...e, informee: !e.informee }),
            },
          },
          {
            label:
              "La personne accepte que les autres conseillers de ma structure voient sa fiche (facultatif)",
            nativeInputProps: {
              checked: e.partageStructure,
              onChange: () => setE({ ...e, partageStructure: !e.partageStructure }),
            },
          },
        ]}
      />
      <Button type="submit" disabled={enCours}>
        {props.libelleEnvoi}
      </Button>
    </form>
  );
}
