import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  lieuxAtelierStructureSchema,
  pageAteliersStructureSchema,
} from "../../domain/ateliers/api.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { PaginationUrl } from "../socle/PaginationUrl.tsx";
import { FormulaireAtelier } from "./FormulaireAtelier.tsx";
import { TableAteliers } from "./TableAteliers.tsx";

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
      {data && <TableAteliers donnees={data} lien={(id) => `/ateliers/${id}`} avecAnimateur />}
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
