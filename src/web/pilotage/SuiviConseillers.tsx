import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { quantite } from "../../domain/format.ts";
import { pageSuiviConseillersSchema } from "../../domain/pilotage/suivi.ts";
import { STATUTS_CERTIFICATION, STATUTS_FORMATION } from "../../domain/recrutement/formation.ts";
import { appeler } from "../api.ts";
import { ChoixOrdre } from "../socle/ChoixOrdre.tsx";
import { useEtatUrl, useRequeteExport } from "../socle/etat-url.ts";
import { jourCourt } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { NavigationFiles } from "../socle/NavigationFiles.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";

const FILES = [
  ["", "Tous les conseillers"],
  ["sans_cra", "Sans compte rendu depuis 30 jours"],
] as const;

const ORDRES: Record<string, string> = {
  nom: "Par nom",
  structure: "Par structure",
  silence: "Les plus longs silences d'abord",
  activite: "Les moins actifs sur 30 jours d'abord",
};

/** Each conseiller of the scope: last report, activity of the last 30 days, training. */
export function SuiviConseillers({ titre }: { titre: string }) {
  const [etat, naviguer, adresse] = useEtatUrl({ file: "", tri: "nom", page: "1" });
  const requeteExport = useRequeteExport();
  const requete = new URLSearchParams(Object.entries(etat).filter(([, v]) => v !== "")).toString();
  const { data, error } = useQuery({
    queryKey: ["pilotage-conseillers", requete],
    queryFn: () => appeler(pageSuiviConseillersSchema, `/api/pilotage/conseillers?${requete}`),
    placeholderData: keepPreviousData,
  });
  const file = FILES.find(([f]) => f === etat.file) ?? FILES[0];
  return (
    <section aria-labelledby="titre-suivi-conseillers" className={fr.cx("fr-mb-6w")}>
      <h2 id="titre-suivi-conseillers">{titre}</h2>
      <NavigationFiles
        label="Files de conseillers"
        files={FILES}
        active={file[0]}
        adresse={(f) => adresse({ file: f })}
      />
      <ChoixOrdre ordres={ORDRES} valeur={etat.tri} changer={(tri) => naviguer({ tri })} />
      <LiensExport
        chemin="/api/pilotage/conseillers/export"
        libelle="Télécharger le suivi filtré"
        requete={requeteExport}
      />
      {error && <Alert severity="error" small description={error.message} />}
      {data && (
        <p aria-live="polite">
          {resumePage(data, "conseiller sous contrat", "conseillers sous contrat")}
        </p>
      )}
      {data && data.total === 0 && (
        <p>
          {file[0] === "sans_cra"
            ? "Chaque conseiller de votre périmètre a saisi un compte rendu ces 30 derniers jours."
            : "Aucun conseiller sous contrat dans votre périmètre."}
        </p>
      )}
      {data && data.total > 0 && (
        <div className={fr.cx("fr-table")}>
          <table>
            <caption>
              {quantite(data.total, "conseiller sous contrat", "conseillers sous contrat")}
              {file[0] === "sans_cra" ? " sans compte rendu depuis 30 jours" : ""},{" "}
              {(ORDRES[etat.tri] ?? "").toLowerCase()}
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
              {data.conseillers.map((c) => (
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
                      : "Pas encore passé"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PaginationUrl donnees={data} adresse={adresse} />
    </section>
  );
}
