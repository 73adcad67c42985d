import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { ImportLieux } from "../selection/ImportDecisions.tsx";
import { decoupageDe, departementDe, LienStatistiques } from "./communs.tsx";
import { FilesDeTravail } from "./FilesDeTravail.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceHub() {
  return (
    <GabaritEspace roleAttendu="hub" titre="Espace du hub territorial">
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

export function PageLieuxHub() {
  return (
    <GabaritEspace roleAttendu="hub" titre="Import de lieux">
      {() => <ImportLieux />}
    </GabaritEspace>
  );
}
