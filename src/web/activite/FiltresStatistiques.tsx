import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { FormEvent } from "react";
import { THEMATIQUES, TYPES_ACTIVITE, TYPES_LIEU } from "../../domain/cra/vocabulaire.ts";
import { ChoixCommune } from "../socle/ChoixCommune.tsx";

export const FILTRES_VIDES = {
  du: "",
  au: "",
  type: "",
  thematique: "",
  typeLieu: "",
  departement: "",
  communeCode: "",
  lieuId: "",
  conseiller: "",
  structure: "",
};
export type Filtres = typeof FILTRES_VIDES;

/** What a scope may filter on besides period, type, theme and kind of place. */
export type OptionsFiltres = {
  /** Départements of the scope, when figures are read per département. */
  departements?: { code: string; nom: string }[];
  /** The places the reader may pick (a conseiller's own places). */
  lieux?: { id: string; nom: string }[];
  /** The commune filter (not on the public page, which stays national or territorial). */
  commune?: boolean;
  /** A coordinator's team: one of its conseillers, or one of their employers. */
  conseillers?: { id: string; nom: string }[];
  structures?: { id: string; nom: string }[];
};

/** The filters of a statistics page: nothing applies until the form is submitted. */
export function FiltresStatistiques(
  props: {
    saisie: Filtres;
    onChange: (f: Filtres) => void;
    onSubmit: () => void;
  } & OptionsFiltres,
) {
  const { saisie, onChange } = props;
  const choix = (cle: keyof Filtres, label: string, options: [string, string][], tous = "Tous") => (
    <div key={cle} className={fr.cx("fr-col-12", "fr-col-md-3")}>
      <Select
        label={label}
        nativeSelectProps={{
          name: cle,
          value: saisie[cle],
          onChange: (e) => onChange({ ...saisie, [cle]: e.target.value }),
        }}
      >
        <option value="">{tous}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </div>
  );
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form
      onSubmit={soumettre}
      aria-label="Filtres des statistiques"
      className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}
    >
      {(["du", "au"] as const).map((cle) => (
        <div key={cle} className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Input
            label={cle === "du" ? "Du" : "Au"}
            nativeInputProps={{
              type: "date",
              name: cle,
              value: saisie[cle],
              onChange: (e) => onChange({ ...saisie, [cle]: e.target.value }),
            }}
          />
        </div>
      ))}
      {choix("type", "Type d'activité", Object.entries(TYPES_ACTIVITE))}
      {choix("thematique", "Thématique", Object.entries(THEMATIQUES), "Toutes")}
      {choix("typeLieu", "Type de lieu", Object.entries(TYPES_LIEU))}
      {props.departements &&
        props.departements.length > 0 &&
        choix(
          "departement",
          "Département",
          props.departements.map((d) => [d.code, `${d.nom} (${d.code})`]),
        )}
      {props.lieux &&
        props.lieux.length > 0 &&
        choix(
          "lieuId",
          "Lieu d'activité",
          props.lieux.map((l) => [l.id, l.nom]),
        )}
      {props.conseillers &&
        props.conseillers.length > 0 &&
        choix(
          "conseiller",
          "Conseiller",
          props.conseillers.map((c) => [c.id, c.nom]),
        )}
      {props.structures &&
        props.structures.length > 0 &&
        choix(
          "structure",
          "Employeur",
          props.structures.map((c) => [c.id, c.nom]),
        )}
      {props.commune && (
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <ChoixCommune
            libelle="Commune de l'activité"
            valeur={saisie.communeCode}
            onChange={(communeCode) => onChange({ ...saisie, communeCode })}
            erreur={undefined}
            optionnelle
          />
        </div>
      )}
      <div className={fr.cx("fr-col-12")}>
        <Button type="submit" priority="secondary">
          Appliquer les filtres
        </Button>
      </div>
    </form>
  );
}
