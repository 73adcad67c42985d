import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { quantite } from "../../domain/format.ts";
import type { ConseillerSuivi } from "../../domain/pilotage/suivi.ts";
import { STATUTS_CERTIFICATION, STATUTS_FORMATION } from "../../domain/recrutement/formation.ts";
import { appelerApi } from "../api.ts";
import { jourCourt } from "../socle/format.ts";

/** Each conseiller of the scope: last report, activity of the last 30 days, training. */
export function SuiviConseillers({ titre }: { titre: string }) {
  const { data, error } = useQuery({
    queryKey: ["pilotage-conseillers"],
    queryFn: () => appelerApi<ConseillerSuivi[]>("/api/pilotage/conseillers"),
  });
  return (
    <section aria-labelledby="titre-suivi-conseillers" className={fr.cx("fr-mb-6w")}>
      <h2 id="titre-suivi-conseillers">{titre}</h2>
      {error && <Alert severity="error" small description={error.message} />}
      {data && data.length === 0 && <p>Aucun conseiller sous contrat dans votre périmètre.</p>}
      {data && data.length > 0 && (
        <div className={fr.cx("fr-table")}>
          <table>
            <caption>
              {quantite(data.length, "conseiller sous contrat", "conseillers sous contrat")}, par
              nom
            </caption>
            <thead>
              <tr>
                <th scope="col">Conseiller</th>
                <th scope="col">Structure</th>
                <th scope="col">Dernier CRA</th>
                <th scope="col">CRA sur 30 jours</th>
                <th scope="col">Formation</th>
                <th scope="col">CCP1</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.prenom} {c.nom}
                    <br />
                    <span className={fr.cx("fr-text--xs")}>{c.email}</span>
                  </th>
                  <td>
                    {c.structure} ({c.departementCode})
                  </td>
                  <td>{c.dernierCra ? jourCourt(c.dernierCra) : "Aucun"}</td>
                  <td>{c.activites30Jours}</td>
                  <td>
                    {c.formation
                      ? (STATUTS_FORMATION[c.formation as keyof typeof STATUTS_FORMATION] ??
                        c.formation)
                      : "Non inscrit"}
                  </td>
                  <td>
                    {c.ccp1
                      ? (STATUTS_CERTIFICATION[c.ccp1 as keyof typeof STATUTS_CERTIFICATION] ??
                        c.ccp1)
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
