import type { Role } from "../../domain/roles.ts";
import { SuiviConseillers } from "../pilotage/SuiviConseillers.tsx";
import { ListeDemandes } from "../selection/ListeDemandes.tsx";
import { MesPostes } from "../selection/MesPostes.tsx";
import { NouvelleDemande } from "../selection/NouvelleDemande.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";
import { StructuresDuPerimetre } from "./StructuresDuPerimetre.tsx";

/**
 * The list pages shared by several spaces: each shows what the active habilitation's scope
 * holds, under a title in that role's words.
 */
const mots = (role: Role | undefined, structure: string, territoire: string, autre: string) =>
  role === "structure" ? structure : role === "prefet" || role === "hub" ? territoire : autre;

export function PageDemandes() {
  return (
    <GabaritEspace titre="Demandes de postes">
      {(moi) => {
        const role = moi.habilitation?.role;
        return (
          <>
            <ListeDemandes
              titre={mots(
                role,
                "Mes demandes",
                "Demandes de postes de votre territoire",
                "Demandes de postes",
              )}
            />
            {role === "structure" && <NouvelleDemande />}
          </>
        );
      }}
    </GabaritEspace>
  );
}

export function PagePostes() {
  return (
    <GabaritEspace titre="Postes">
      {(moi) => (
        <MesPostes
          titre={mots(
            moi.habilitation?.role,
            "Mes postes",
            "Postes attribués dans votre territoire",
            "Postes attribués",
          )}
        />
      )}
    </GabaritEspace>
  );
}

export function PageStructures() {
  return (
    <GabaritEspace titre="Structures d'accueil">
      {(moi) => (
        <StructuresDuPerimetre
          titre={mots(
            moi.habilitation?.role,
            "Votre structure",
            "Structures d'accueil de votre territoire",
            "Structures d'accueil",
          )}
        />
      )}
    </GabaritEspace>
  );
}

export function PageConseillers() {
  return (
    <GabaritEspace titre="Conseillers">
      {(moi) => (
        <SuiviConseillers
          titre={
            moi.habilitation?.role === "coordinateur"
              ? "Les conseillers que vous coordonnez"
              : moi.habilitation?.role === "structure"
                ? "Activité de vos conseillers"
                : "Conseillers sous contrat"
          }
        />
      )}
    </GabaritEspace>
  );
}
