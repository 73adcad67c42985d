import { GENRES, STATUTS_SOCIAUX } from "../cra/vocabulaire.ts";
import type { FicheBeneficiaire } from "./api.ts";
import { CHAMPS_FICHE, type ChampFiche } from "./beneficiaire.ts";

/** A person's file as pages and documents read it (without its timeline). */
export type FicheLue = Omit<
  FicheBeneficiaire,
  "accompagnements" | "nbAccompagnements" | "creeLe" | "modifieLe" | "informeLe"
>;

/** A field of a file as read on screen; an empty one says so rather than showing nothing. */
export function valeurAffichee(f: FicheLue, champ: ChampFiche): string {
  switch (champ) {
    case "anneeNaissance":
      return f.anneeNaissance === null ? "Non renseignée" : String(f.anneeNaissance);
    case "communeCode":
      return f.commune ?? "Non renseignée";
    case "telephone":
      return f.sansTelephone ? "Pas de téléphone" : (f.telephone ?? "Non renseigné");
    case "genre":
      return f.genre ? GENRES[f.genre] : "Non renseigné";
    case "statut":
      return f.statut ? STATUTS_SOCIAUX[f.statut] : "Non renseigné";
    case "partageStructure":
      return f.partageStructure ? "Acceptée" : "Non";
    default:
      return f[champ] ?? "Non renseigné";
  }
}

/** Whether a field holds something (a refusal to share, « pas de téléphone », are answers). */
export function renseigne(f: FicheLue, champ: ChampFiche): boolean {
  if (champ === "partageStructure") return true;
  if (champ === "telephone") return f.sansTelephone || f.telephone !== null;
  return f[champ] !== null;
}

/** Every field of a file, labelled, in the order pages show them. */
export const lignesDeFiche = (f: FicheLue) =>
  (Object.keys(CHAMPS_FICHE) as ChampFiche[]).map((c) => ({
    champ: c,
    libelle: CHAMPS_FICHE[c],
    valeur: valeurAffichee(f, c),
  }));
