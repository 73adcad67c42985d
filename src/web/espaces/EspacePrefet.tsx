import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { decoupageDe, departementDe, LienStatistiques } from "./communs.tsx";
import { FilesDeTravail } from "./FilesDeTravail.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspacePrefet() {
  return (
    <GabaritEspace roleAttendu="prefet" titre="Espace de la préfecture">
      {(moi) => (
        <>
          <FilesDeTravail />
          <TableauDeBord
            titre="Tableau de bord du territoire"
            decoupage={decoupageDe(moi)}
            departementCarte={departementDe(moi)}
          />
          <LienStatistiques />
        </>
      )}
    </GabaritEspace>
  );
}
