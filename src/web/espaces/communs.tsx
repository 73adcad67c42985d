import { fr } from "@codegouvfr/react-dsfr";
import type { Moi } from "../../domain/session.ts";
import { LiensExportCra } from "../activite/PagesCra.tsx";
import { ListeDemandes } from "../selection/ListeDemandes.tsx";
import { MesPostes } from "../selection/MesPostes.tsx";
import { StructuresDuPerimetre } from "./StructuresDuPerimetre.tsx";

/** Every scope has its activity statistics one click away. */
export function LienStatistiques({ exportCra = false }: { exportCra?: boolean }) {
  return (
    <>
      {exportCra && <LiensExportCra />}
      <p className={fr.cx("fr-mb-3w")}>
        <a
          className={fr.cx("fr-link", "fr-icon-line-chart-line", "fr-link--icon-left")}
          href="/espace/statistiques"
        >
          Statistiques d'activité de mon périmètre
        </a>
      </p>
    </>
  );
}

/** A one-département scope breaks down by arrondissement; a wider one by département. */
export function decoupageDe(moi: Moi) {
  return moi.habilitation?.perimetre.type === "departement" ? "arrondissement" : "departement";
}

export const departementDe = (moi: Moi) =>
  moi.habilitation?.perimetre.type === "departement" ? moi.habilitation.perimetre.code : undefined;

/** What every territorial reader sees: the requests, the posts and the structures of its scope. */
export function VuePerimetre(props: { demandes: string; postes: string; structures: string }) {
  return (
    <>
      <ListeDemandes titre={props.demandes} />
      <MesPostes titre={props.postes} />
      <StructuresDuPerimetre titre={props.structures} />
    </>
  );
}
