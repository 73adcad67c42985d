import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { pageOrientationsEnvoyeesSchema } from "../../domain/orientations/api.ts";
import { URGENCES } from "../../domain/orientations/orientation.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { dateHeure, dateLongue } from "../socle/format.ts";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import { issueOrientation, libelleThematiques } from "./issue.ts";

/**
 * What became of the persons one sent: the place, the need, the outcome — not what the
 * receiving conseiller wrote (docs/domaine/orientations.md §3).
 */
function Envoyees() {
  const [etat, , adresse] = useEtatUrl({ page: "1" });
  const { data, error } = useQuery({
    queryKey: ["orientations-envoyees", etat.page],
    queryFn: () =>
      appeler(pageOrientationsEnvoyeesSchema, `/api/orientations/envoyees?page=${etat.page}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Button linkProps={{ href: "/espace/orientations/nouvelle" }} className={fr.cx("fr-mb-3w")}>
        Orienter une personne
      </Button>
      {error && <p className={fr.cx("fr-error-text")}>{error.message}</p>}
      {data && (
        <div className={fr.cx("fr-table")}>
          <table>
            <caption>{resumePage(data, "orientation", "orientations")}</caption>
            <thead>
              <tr>
                <th scope="col">Envoyée le</th>
                <th scope="col">Personne</th>
                <th scope="col">Lieu</th>
                <th scope="col">Besoins</th>
                <th scope="col">Ce qu'elle est devenue</th>
              </tr>
            </thead>
            <tbody>
              {data.orientations.map((o) => (
                <tr key={o.id}>
                  <td>{dateLongue.format(new Date(o.creeLe))}</td>
                  <td>{o.prenom ?? "Coordonnées effacées"}</td>
                  <td>
                    {o.lieu.nom}
                    {o.lieu.commune ? ` (${o.lieu.commune})` : ""}
                  </td>
                  <td>
                    {libelleThematiques(o.thematiques)}
                    {o.urgence === "urgente" ? ` · ${URGENCES.urgente}` : ""}
                  </td>
                  <td>{issueOrientation(o, dateHeure)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PaginationUrl donnees={data} adresse={adresse} />
    </>
  );
}

export function PageOrientationsEnvoyees() {
  return <GabaritEspace titre="Orientations envoyées">{() => <Envoyees />}</GabaritEspace>;
}

export function EspacePrescripteur() {
  return (
    <GabaritEspace roleAttendu="prescripteur" titre="Mes orientations">
      {() => <Envoyees />}
    </GabaritEspace>
  );
}
