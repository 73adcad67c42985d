import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import {
  lieuxAtelierStructureSchema,
  pageAteliersStructureSchema,
} from "../../domain/ateliers/api.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { dateHeure } from "../socle/format.ts";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import { FormulaireAtelier } from "./FormulaireAtelier.tsx";

const CHEMIN = "/espace/structure/ateliers";

/** The workshops of the structure's conseillers, latest first, with who runs each one. */
function AteliersDeLaStructure() {
  const [etat, , adresse] = useEtatUrl({ page: "1" });
  const { data } = useQuery({
    queryKey: ["ateliers-structure", etat.page],
    queryFn: () =>
      appeler(pageAteliersStructureSchema, `/api/structure/ateliers?page=${etat.page}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Button linkProps={{ href: `${CHEMIN}/nouveau` }} className={fr.cx("fr-mb-3w")}>
        Annoncer un atelier
      </Button>
      {data && (
        <div className={fr.cx("fr-table")}>
          <table>
            <caption>{resumePage(data, "atelier", "ateliers")}</caption>
            <thead>
              <tr>
                <th scope="col">Début</th>
                <th scope="col">Atelier</th>
                <th scope="col">Animé par</th>
                <th scope="col">Lieu</th>
                <th scope="col">Places prises</th>
              </tr>
            </thead>
            <tbody>
              {data.ateliers.map((a) => (
                <tr key={a.id}>
                  <td>{dateHeure.format(new Date(a.debut))}</td>
                  <td>
                    <Link href={`/ateliers/${a.id}`}>{a.titre}</Link>
                    {a.annuleLe && " (annulé)"}
                  </td>
                  <td>{a.animePar}</td>
                  <td>{a.lieu.nom}</td>
                  <td>
                    {a.capacite - a.placesRestantes} sur {a.capacite}
                  </td>
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

export function PageAteliersStructure() {
  return (
    <GabaritEspace roleAttendu="structure" titre="Ateliers de nos conseillers">
      {() => <AteliersDeLaStructure />}
    </GabaritEspace>
  );
}

function NouvelAtelierDeLaStructure() {
  const { data } = useQuery({
    queryKey: ["lieux-atelier-structure"],
    queryFn: () => appeler(lieuxAtelierStructureSchema, "/api/structure/ateliers/lieux"),
  });
  return (
    <FormulaireAtelier
      choix={data?.lieux.map((l) => ({
        cle: `${l.lieuId}:${l.conseillerId}`,
        libelle: `${l.lieu}${l.commune ? ` (${l.commune})` : ""} – animé par ${l.conseiller}`,
        lieuId: l.lieuId,
        conseillerId: l.conseillerId,
      }))}
      libelleChoix="Lieu et conseiller qui anime l'atelier"
      chemin="/api/structure/ateliers"
      cleListe="ateliers-structure"
    />
  );
}

export function PageNouvelAtelierStructure() {
  return (
    <GabaritEspace roleAttendu="structure" titre="Annoncer un atelier">
      {() => <NouvelAtelierDeLaStructure />}
    </GabaritEspace>
  );
}
