import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useQuery } from "@tanstack/react-query";
import { quantite } from "../../domain/format.ts";
import { appelerApi } from "../api.ts";
import { dateLongue, euros } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";

type Poste = {
  id: string;
  structureNom: string;
  coordinateur: boolean;
  plafondCents: number;
  dureeMois: number;
  dateAttribution: string;
  dateLimiteRecrutement: string;
  statut: string;
};

const STATUTS: Record<string, string> = { vacant: "À pourvoir", pourvu: "Pourvu", rendu: "Rendu" };

export function MesPostes({ titre }: { titre: string }) {
  const { data } = useQuery({
    queryKey: ["postes"],
    queryFn: () => appelerApi<{ postes: Poste[] }>("/api/postes"),
  });
  return (
    <section aria-labelledby="titre-postes" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-postes">{titre}</h2>
      <p aria-live="polite">
        {data ? quantite(data.postes.length, "poste", "postes") : "Chargement…"}
      </p>
      <LiensExport liste="postes-structures" libelle="Postes par structure" />
      <LiensExport liste="postes-departements" libelle="Postes par département" />
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>{titre}</caption>
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
                <td>{p.structureNom}</td>
                <td>{p.coordinateur ? "Coordinateur" : "Conseiller numérique"}</td>
                <td>{dateLongue.format(new Date(p.dateAttribution))}</td>
                <td>{dateLongue.format(new Date(p.dateLimiteRecrutement))}</td>
                <td>
                  {euros.format(p.plafondCents / 100)} sur {p.dureeMois} mois
                </td>
                <td>
                  <Badge small severity={p.statut === "vacant" ? "warning" : "success"}>
                    {STATUTS[p.statut] ?? p.statut}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
