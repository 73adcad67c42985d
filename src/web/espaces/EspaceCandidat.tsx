import { MaCandidature } from "../recrutement/MaCandidature.tsx";
import { GabaritEspace } from "./GabaritEspace.tsx";

export function EspaceCandidat() {
  return (
    <GabaritEspace roleAttendu="candidat" titre="Espace candidat">
      {() => <MaCandidature />}
    </GabaritEspace>
  );
}
