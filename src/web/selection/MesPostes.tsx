import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FilePostes, STATUTS_POSTE } from "../../domain/espaces.ts";
import { pagePostesSchema } from "../../domain/selection/api.ts";
import { appeler } from "../api.ts";
import { ChoixOrdre } from "../socle/ChoixOrdre.tsx";
import { useEtatUrl, useRequeteExport } from "../socle/etat-url.ts";
import { FormulaireRecherche } from "../socle/FormulaireRecherche.tsx";
import { dateLongue, euros } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { NavigationFiles } from "../socle/NavigationFiles.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";

const ORDRES: Record<string, string> = {
  echeance: "Échéance la plus proche d'abord",
  structure: "Par structure",
  attribution: "Attribués le plus récemment d'abord",
};

const FILES: readonly (readonly ["" | FilePostes, string])[] = [
  ["", "Tous les postes"],
  ["a_pourvoir", "À pourvoir"],
  ["en_retard", "Recrutement en retard"],
  ["pourvus", "Pourvus"],
];

/** The posts of the scope, a page at a time, their queue and search in the address. */
export function MesPostes({ titre }: { titre: string }) {
  const [etat, naviguer, adresse] = useEtatUrl({
    file: "",
    recherche: "",
    tri: "echeance",
    page: "1",
  });
  const requeteExport = useRequeteExport();
  const requete = new URLSearchParams(Object.entries(etat).filter(([, v]) => v !== "")).toString();
  const { data, error } = useQuery({
    queryKey: ["postes", requete],
    queryFn: () => appeler(pagePostesSchema, `/api/postes?${requete}`),
    placeholderData: keepPreviousData,
  });
  const libelleFile = FILES.find(([f]) => f === etat.file)?.[1] ?? "Tous les postes";
  return (
    <section aria-labelledby="titre-postes">
      <h2 id="titre-postes">{titre}</h2>
      <LiensExport liste="postes-structures" libelle="Postes par structure" />
      <LiensExport liste="postes-departements" libelle="Postes par département" />
      <NavigationFiles
        label="Files de postes"
        files={FILES}
        active={etat.file}
        adresse={(f) => adresse({ file: f })}
      />
      <FormulaireRecherche
        label="Structure ou SIRET"
        valeur={etat.recherche}
        rechercher={(recherche) => naviguer({ recherche })}
      />
      <ChoixOrdre ordres={ORDRES} valeur={etat.tri} changer={(tri) => naviguer({ tri })} />
      {error && <Alert severity="error" small description={error.message} />}
      <p aria-live="polite">{data ? resumePage(data, "poste", "postes") : "Chargement…"}</p>
      <LiensExport
        chemin="/api/postes/export"
        libelle="Télécharger les postes filtrés"
        requete={requeteExport}
      />
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>
            {titre} : {libelleFile.toLowerCase()}, {(ORDRES[etat.tri] ?? "").toLowerCase()}
          </caption>
          <thead>
            <tr>
              <th scope="col">Structure</th>
              <th scope="col">Poste</th>
              <th scope="col">Attribué le</th>
              <th scope="col">À recruter avant le</th>
              <th scope="col">Subvention</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {data?.postes.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.structureNom}
                  <br />
                  <span className={fr.cx("fr-text--xs")}>
                    {p.commune} ({p.departementCode})
                  </span>
                </td>
                <td>{p.coordinateur ? "Coordinateur" : "Conseiller numérique"}</td>
                <td>{dateLongue.format(new Date(p.dateAttribution))}</td>
                <td>{dateLongue.format(new Date(p.dateLimiteRecrutement))}</td>
                <td>
                  {euros.format(p.plafondCents / 100)} sur {p.dureeMois} mois
                </td>
                <td>
                  <Badge
                    small
                    noIcon
                    severity={p.enRetard ? "error" : p.statut === "vacant" ? "warning" : "success"}
                  >
                    {p.enRetard ? "En retard" : (STATUTS_POSTE[p.statut] ?? p.statut)}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PaginationUrl donnees={data} adresse={adresse} />
    </section>
  );
}
