import { fr } from "@codegouvfr/react-dsfr";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { quantite } from "../../domain/format.ts";
import { peutLireFicheStructure } from "../../domain/roles.ts";
import { pageStructuresSchema } from "../../domain/selection/api.ts";
import { appeler } from "../api.ts";
import { ChoixOrdre } from "../socle/ChoixOrdre.tsx";
import { useEtatUrl, useRequeteExport } from "../socle/etat-url.ts";
import { FormulaireRecherche } from "../socle/FormulaireRecherche.tsx";
import { LiensExport } from "../socle/LiensExport.tsx";
import { useMoi } from "../socle/moi.ts";
import { PaginationUrl } from "../socle/PaginationUrl.tsx";

const PAR_PAGE = 50;

const ORDRES: Record<string, string> = {
  nom: "Par nom",
  departement: "Par département, puis par nom",
  commune: "Par commune, puis par nom",
};

/** The structures the active habilitation may read, with a search: the same list for every role. */
export function StructuresDuPerimetre({ titre }: { titre: string }) {
  const { data: moi } = useMoi();
  const avecFiche = peutLireFicheStructure(moi?.habilitation?.role);
  const [etat, naviguer, adresse] = useEtatUrl({ recherche: "", tri: "nom", page: "1" });
  const requeteExport = useRequeteExport();
  const { data, isPending, error } = useQuery({
    queryKey: ["structures", etat.recherche, etat.tri, etat.page],
    queryFn: () =>
      appeler(
        pageStructuresSchema,
        `/api/structures?${new URLSearchParams(Object.entries(etat).filter(([, v]) => v !== ""))}`,
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="titre-structures" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-structures">{titre}</h2>
      <FormulaireRecherche
        label="Rechercher une structure par son nom"
        valeur={etat.recherche}
        rechercher={(recherche) => naviguer({ recherche })}
      />
      <ChoixOrdre ordres={ORDRES} valeur={etat.tri} changer={(tri) => naviguer({ tri })} />
      {error && <p className={fr.cx("fr-error-text")}>{error.message}</p>}
      <p aria-live="polite">
        {isPending ? "Chargement…" : quantite(data?.total ?? 0, "structure", "structures")}
      </p>
      <LiensExport
        chemin="/api/structures/export"
        libelle="Télécharger les structures filtrées"
        requete={requeteExport}
      />
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>{titre}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Commune</th>
              <th scope="col">Département</th>
              <th scope="col">Secteur</th>
              <th scope="col">SIRET</th>
            </tr>
          </thead>
          <tbody>
            {data?.structures.map((s) => (
              <tr key={s.id}>
                <td>
                  {avecFiche ? <Link href={`/espace/structures/${s.id}`}>{s.nom}</Link> : s.nom}
                </td>
                <td>{s.commune}</td>
                <td>{s.departementCode}</td>
                <td>{s.secteur === "public" ? "Public" : "Privé"}</td>
                <td>{s.siret ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PaginationUrl
        donnees={data && { total: data.total, page: Number(etat.page), taillePage: PAR_PAGE }}
        adresse={adresse}
      />
    </section>
  );
}
