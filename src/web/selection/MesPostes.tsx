import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import type { FilePostes } from "../../domain/espaces.ts";
import { quantite } from "../../domain/format.ts";
import { appelerApi } from "../api.ts";
import { useEtatUrl } from "../socle/etat-url.ts";
import { dateLongue, euros } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { PaginationUrl } from "../socle/PaginationUrl.tsx";

type Poste = {
  id: string;
  structureNom: string;
  commune: string;
  departementCode: string;
  coordinateur: boolean;
  plafondCents: number;
  dureeMois: number;
  dateAttribution: string;
  dateLimiteRecrutement: string;
  statut: string;
  enRetard: boolean;
};
type Reponse = { total: number; page: number; taillePage: number; postes: Poste[] };

const STATUTS: Record<string, string> = { vacant: "À pourvoir", pourvu: "Pourvu", rendu: "Rendu" };
const FILES: readonly (readonly ["" | FilePostes, string])[] = [
  ["", "Tous les postes"],
  ["a_pourvoir", "À pourvoir"],
  ["en_retard", "Recrutement en retard"],
  ["pourvus", "Pourvus"],
];

/** The posts of the scope, a page at a time, their queue and search in the address. */
export function MesPostes({ titre }: { titre: string }) {
  const [etat, naviguer, adresse] = useEtatUrl({ file: "", recherche: "", page: "1" });
  const [saisie, setSaisie] = useState(etat.recherche);
  const requete = new URLSearchParams(Object.entries(etat).filter(([, v]) => v !== "")).toString();
  const { data, error } = useQuery({
    queryKey: ["postes", requete],
    queryFn: () => appelerApi<Reponse>(`/api/postes?${requete}`),
    placeholderData: keepPreviousData,
  });
  const libelleFile = FILES.find(([f]) => f === etat.file)?.[1] ?? "Tous les postes";
  return (
    <section aria-labelledby="titre-postes">
      <h2 id="titre-postes">{titre}</h2>
      <LiensExport liste="postes-structures" libelle="Postes par structure" />
      <LiensExport liste="postes-departements" libelle="Postes par département" />
      <nav aria-label="Files de postes">
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
          {FILES.map(([f, l]) => (
            <li key={f}>
              <Link
                href={adresse({ file: f })}
                className={fr.cx("fr-btn", f !== etat.file && "fr-btn--secondary")}
                aria-current={f === etat.file ? "page" : undefined}
              >
                {l}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form
        className={fr.cx("fr-grid-row", "fr-grid-row--bottom", "fr-grid-row--gutters")}
        onSubmit={(e) => {
          e.preventDefault();
          naviguer({ recherche: saisie.trim() });
        }}
      >
        <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
          <Input
            label="Structure ou SIRET"
            nativeInputProps={{
              type: "search",
              value: saisie,
              onChange: (e) => setSaisie(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Button type="submit" priority="secondary">
            Rechercher
          </Button>
        </div>
      </form>
      {error && <Alert severity="error" small description={error.message} />}
      <p aria-live="polite">
        {data
          ? `${quantite(data.total, "poste", "postes")} — page ${data.page} sur ${Math.max(1, Math.ceil(data.total / data.taillePage))}`
          : "Chargement…"}
      </p>
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>
            {titre} : {libelleFile.toLowerCase()}, échéance la plus proche d'abord
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
                    {p.enRetard ? "En retard" : (STATUTS[p.statut] ?? p.statut)}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && (
        <PaginationUrl
          total={data.total}
          taillePage={data.taillePage}
          page={data.page}
          adresse={(n) => adresse({ page: String(n) })}
        />
      )}
    </section>
  );
}
