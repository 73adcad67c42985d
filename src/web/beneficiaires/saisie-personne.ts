import type { FicheBeneficiaire } from "../../domain/beneficiaires/api.ts";
import type { SaisieBeneficiaire } from "../../domain/beneficiaires/beneficiaire.ts";

/** What the person form holds while it is typed: every field as its input gives it. */
export type EtatPersonne = {
  prenom: string;
  nom: string;
  anneeNaissance: string;
  communeCode: string;
  telephone: string;
  sansTelephone: boolean;
  email: string;
  genre: string;
  statut: string;
  notes: string;
  partageStructure: boolean;
  informee: boolean;
};

export const personneVide = (): EtatPersonne => ({
  prenom: "",
  nom: "",
  anneeNaissance: "",
  communeCode: "",
  telephone: "",
  sansTelephone: false,
  email: "",
  genre: "",
  statut: "",
  notes: "",
  partageStructure: false,
  informee: false,
});

/** A stored file back into the form: the person was informed when it was first recorded. */
export function etatDepuisFiche(f: FicheBeneficiaire): EtatPersonne {
  return {
    prenom: f.prenom ?? "",
    nom: f.nom,
    anneeNaissance: f.anneeNaissance === null ? "" : String(f.anneeNaissance),
    communeCode: f.communeCode ?? "",
    telephone: f.telephone ?? "",
    sansTelephone: f.sansTelephone,
    email: f.email ?? "",
    genre: f.genre ?? "",
    statut: f.statut ?? "",
    notes: f.notes ?? "",
    partageStructure: f.partageStructure,
    informee: true,
  };
}

/**
 * The form as the shared schema reads it: empty fields stay empty strings (the schema takes them
 * as not given), and the phone is not sent beside « pas de téléphone ».
 */
export function versSaisiePersonne(e: EtatPersonne): SaisieBeneficiaire {
  return {
    prenom: e.prenom,
    nom: e.nom,
    anneeNaissance: e.anneeNaissance,
    communeCode: e.communeCode,
    telephone: e.sansTelephone ? "" : e.telephone,
    sansTelephone: e.sansTelephone,
    email: e.email,
    genre: e.genre,
    statut: e.statut,
    notes: e.notes,
    partageStructure: e.partageStructure,
    informee: e.informee as true,
  } as SaisieBeneficiaire;
}
