import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { quantite } from "../../domain/format.ts";
import { pageStructuresSchema } from "../../domain/selection/api.ts";
import { appeler } from "../api.ts";

/** Finds a structure by name, then picks it: nobody has to copy an identifier. */
export function ChoixStructure(props: {
  label?: string;
  libelleRecherche?: string;
  valeur: string;
  onChange: (v: string) => void;
  erreur: string | undefined;
}) {
  const [recherche, setRecherche] = useState("");
  const { data } = useQuery({
    queryKey: ["structures-invitation", recherche],
    queryFn: () =>
      appeler(pageStructuresSchema, `/api/structures?${new URLSearchParams({ recherche })}`),
    enabled: recherche.trim().length >= 2,
  });
  return (
    <>
      <Input
        label={props.libelleRecherche ?? "Rechercher la structure"}
        hintText="Au moins deux lettres de son nom"
        nativeInputProps={{
          type: "search",
          value: recherche,
          onChange: (e) => setRecherche(e.target.value),
        }}
      />
      <Select
        label={props.label ?? "Structure"}
        state={props.erreur ? "error" : "default"}
        stateRelatedMessage={props.erreur}
        nativeSelectProps={{
          name: "perimetre",
          value: props.valeur,
          onChange: (e) => props.onChange(e.target.value),
        }}
      >
        <option value="" disabled>
          {data
            ? quantite(data.structures.length, "résultat", "résultats")
            : "Choisir après la recherche"}
        </option>
        {data?.structures.map((s) => (
          <option key={s.id} value={s.id}>
            {s.nom} – {s.commune} ({s.departementCode})
          </option>
        ))}
      </Select>
    </>
  );
}
