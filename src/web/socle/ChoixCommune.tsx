import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { appelerApi } from "../api.ts";

type Commune = { code: string; nom: string; departementCode: string; codesPostaux: string[] };

/** Finds a commune by postcode or name in the official reference, then picks it. */
export function ChoixCommune(props: {
  libelle?: string;
  valeur: string;
  onChange: (code: string) => void;
  erreur: string | undefined;
  /** A filter rather than a required field: the empty choice stays selectable. */
  optionnelle?: boolean;
}) {
  const [recherche, setRecherche] = useState("");
  const { data } = useQuery({
    queryKey: ["communes", recherche],
    queryFn: () =>
      appelerApi<Commune[]>(`/api/communes?${new URLSearchParams({ q: recherche.trim() })}`),
    enabled: recherche.trim().length >= 2,
  });
  return (
    <>
      <Input
        label="Code postal ou nom de la commune"
        hintText="Au moins deux caractères, ex. 62400 ou Béthune"
        nativeInputProps={{
          type: "search",
          name: "recherche-commune",
          value: recherche,
          onChange: (e) => setRecherche(e.target.value),
        }}
      />
      <Select
        label={props.libelle ?? "Commune"}
        state={props.erreur ? "error" : "default"}
        stateRelatedMessage={props.erreur}
        nativeSelectProps={{
          name: "communeCode",
          value: props.valeur,
          onChange: (e) => props.onChange(e.target.value),
        }}
      >
        <option value="" disabled={!props.optionnelle}>
          {props.optionnelle
            ? "Toutes les communes"
            : data
              ? `${data.length} commune(s) trouvée(s)`
              : "Choisir après la recherche"}
        </option>
        {data?.map((c) => (
          <option key={c.code} value={c.code}>
            {c.nom} ({c.codesPostaux.join(", ")})
          </option>
        ))}
      </Select>
    </>
  );
}
