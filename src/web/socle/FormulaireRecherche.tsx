import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState } from "react";

/**
 * A list's search box: the search is sent by its button (or Enter), one history entry per
 * search rather than one per key typed.
 */
export function FormulaireRecherche(props: {
  label: string;
  valeur: string;
  rechercher: (recherche: string) => void;
}) {
  const [saisie, setSaisie] = useState(props.valeur);
  return (
    <form
      className={fr.cx("fr-grid-row", "fr-grid-row--bottom", "fr-grid-row--gutters")}
      onSubmit={(e) => {
        e.preventDefault();
        props.rechercher(saisie.trim());
      }}
    >
      <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
        <Input
          label={props.label}
          nativeInputProps={{
            type: "search",
            value: saisie,
            onChange: (e) => setSaisie(e.target.value),
          }}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
        <Button type="submit" priority="secondary">
          Rechercher
        </Button>
      </div>
    </form>
  );
}
