import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { statistiquesOrientationsSchema } from "../../domain/orientations/api.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";

const COLONNES = [
  ["envoyees", "Envoyées depuis"],
  ["recues", "Reçues par ses lieux"],
  ["acceptees", "Acceptées"],
  ["aidees", "Personnes accompagnées"],
  ["absentes", "Personnes pas venues"],
  ["redirigees", "Redirigées"],
  ["en_attente", "En attente de réponse"],
] as const;

/** Orientations per département of the reader's scope (docs/domaine/orientations.md §5). */
function Statistiques() {
  const { data, error } = useQuery({
    queryKey: ["orientations-statistiques"],
    queryFn: () => appeler(statistiquesOrientationsSchema, "/api/orientations/statistiques"),
  });
  if (error) return <p className={fr.cx("fr-error-text")}>{error.message}</p>;
  if (!data) return <p>Chargement…</p>;
  if (data.departements.length === 0)
    return <p>Aucune orientation envoyée ni reçue dans votre périmètre.</p>;
  return (
    <div className={fr.cx("fr-table")}>
      <table>
        <caption>Orientations par département de votre périmètre</caption>
        <thead>
          <tr>
            <th scope="col">Département</th>
            {COLONNES.map(([c, l]) => (
              <th key={c} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.departements.map((d) => (
            <tr key={d.departement_code}>
              <th scope="row">
                {d.departement_code} – {d.departement}
              </th>
              {COLONNES.map(([c]) => (
                <td key={c}>{d[c]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PageStatistiquesOrientations() {
  return <GabaritEspace titre="Orientations">{() => <Statistiques />}</GabaritEspace>;
}
