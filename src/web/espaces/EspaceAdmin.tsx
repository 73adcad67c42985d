import { Enveloppe } from "../pilotage/Enveloppe.tsx";
import { TableauDeBord } from "../pilotage/TableauDeBord.tsx";
import { Appels } from "../selection/Appels.tsx";
import { Comites } from "../selection/Comites.tsx";
import { ImportDecisions, ImportLieux } from "../selection/ImportDecisions.tsx";
import { LienStatistiques } from "./communs.tsx";
import { FilesDeTravail } from "./FilesDeTravail.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceAdmin() {
  return (
    <GabaritEspace roleAttendu="admin" titre="Espace de l'administration nationale (ANCT)">
      {() => (
        <>
          <FilesDeTravail />
          <TableauDeBord titre="Tableau de bord national" decoupage="region" />
          <LienStatistiques exportCra />
        </>
      )}
    </GabaritEspace>
  );
}

/** The selection's tools: calls for applications, committee sessions, imports. */
export function PageSelectionAdmin() {
  return (
    <GabaritEspace roleAttendu="admin" titre="Appels, comités et imports">
      {() => (
        <>
          <Appels />
          <Comites />
          <ImportDecisions />
          <ImportLieux />
        </>
      )}
    </GabaritEspace>
  );
}

export function PageEnveloppeAdmin() {
  return (
    <GabaritEspace roleAttendu="admin" titre="Enveloppe budgétaire">
      {() => <Enveloppe />}
    </GabaritEspace>
  );
}
