import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { amisSchema, pageDemandesSchema } from "../../domain/selection/api.ts";
import { NATURES_DEMANDE, STATUTS_DEMANDE } from "../../domain/selection/demande-postes.ts";
import { appeler } from "../api.ts";
import { ChoixCommune } from "../socle/ChoixCommune.tsx";
import { ChoixOrdre } from "../socle/ChoixOrdre.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { FormulaireRecherche } from "../socle/FormulaireRecherche.tsx";
import { LiensExport } from "../socle/LiensExport.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";

/** Requests of the active habilitation's territory, with the préfet's filters. */
const ORDRES: Record<string, string> = {
  recentes: "Les plus récentes d'abord",
  anciennes: "Les plus anciennes d'abord",
  structure: "Par structure",
};

export function ListeDemandes({ titre }: { titre: string }) {
  const [filtres, naviguer, adresse] = useEtatUrl({
    statut: "",
    amiId: "",
    avis: "",
    secteur: "",
    recherche: "",
    communeCode: "",
    tri: "recentes",
    page: "1",
  });
  const setFiltres = (f: Partial<typeof filtres>) => naviguer(f);
  const { data: amis } = useQuery({
    queryKey: ["amis"],
    queryFn: () => appeler(amisSchema, "/api/amis"),
  });
  const params = new URLSearchParams(Object.entries(filtres).filter(([, v]) => v !== ""));
  const { data, error } = useQuery({
    queryKey: ["demandes", params.toString()],
    queryFn: () => appeler(pageDemandesSchema, `/api/demandes?${params}`),
    placeholderData: keepPreviousData,
  });
  const choix = (cle: keyof typeof filtres, label: string, options: [string, string][]) => (
    <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
      <Select
        label={label}
        nativeSelectProps={{
          value: filtres[cle],
          onChange: (e) => setFiltres({ [cle]: e.target.value }),
        }}
      >
        <option value="">Tous</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </div>
  );
  return (
    <section aria-labelledby="titre-demandes" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-demandes">{titre}</h2>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {choix("statut", "Statut", Object.entries(STATUTS_DEMANDE))}
        {choix(
          "amiId",
          "Appel",
          (amis ?? []).map((a) => [a.id, a.titre] as [string, string]),
        )}
        {choix("avis", "Avis de la préfecture", [
          ["sans", "Sans avis"],
          ["avec", "Avec avis"],
        ])}
        {choix("secteur", "Secteur", [
          ["public", "Public"],
          ["prive", "Privé"],
        ])}
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <ChoixOrdre ordres={ORDRES} valeur={filtres.tri} changer={(tri) => setFiltres({ tri })} />
        </div>
      </div>
      <FormulaireRecherche
        label="Rechercher (nom, SIRET)"
        valeur={filtres.recherche}
        rechercher={(recherche) => setFiltres({ recherche })}
      />
      <details className={fr.cx("fr-mb-2w")}>
        <summary>Filtrer par commune</summary>
        <ChoixCommune
          valeur={filtres.communeCode}
          onChange={(communeCode) => setFiltres({ communeCode })}
          erreur={undefined}
        />
        {filtres.communeCode && (
          <button
            type="button"
            className={fr.cx("fr-btn", "fr-btn--tertiary", "fr-btn--sm")}
            onClick={() => setFiltres({ communeCode: "" })}
          >
            Toutes les communes
          </button>
        )}
      </details>
      {error && <Alert severity="error" small description={error.message} />}
      <p aria-live="polite">{data ? resumePage(data, "demande", "demandes") : "Chargement…"}</p>
      <LiensExport
        liste="demandes"
        libelle="Télécharger les demandes filtrées"
        requete={new URLSearchParams(
          Object.entries(filtres).filter(([k, v]) => v !== "" && k !== "page" && k !== "tri"),
        ).toString()}
      />
      <LiensExport liste="decisions" libelle="Télécharger les décisions" />
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>{titre}</caption>
          <thead>
            <tr>
              <th scope="col">Structure</th>
              <th scope="col">Commune</th>
              <th scope="col">Nature</th>
              <th scope="col">Postes demandés</th>
              <th scope="col">Statut</th>
              <th scope="col">Avis</th>
            </tr>
          </thead>
          <tbody>
            {data?.demandes.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/espace/demandes/${d.id}`}>{d.structureNom}</Link>
                </td>
                <td>
                  {d.commune} ({d.departementCode})
                </td>
                <td>{NATURES_DEMANDE[d.nature]}</td>
                <td>{d.postesDemandes}</td>
                <td>{STATUTS_DEMANDE[d.statut]}</td>
                <td>
                  {d.dernierAvis ? (
                    <Badge small severity={d.dernierAvis === "favorable" ? "success" : "error"}>
                      {d.dernierAvis === "favorable" ? "Favorable" : "Défavorable"}
                    </Badge>
                  ) : (
                    "Sans avis"
                  )}
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
