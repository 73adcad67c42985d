import { describe, expect, it } from "vitest";
import { contenuDonnees, donneesPdf } from "./donnees-pdf.ts";

const fiche = {
  id: "7a1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
  prenom: "Thị Hồng",
  nom: "Nguyễn-Œillet",
  anneeNaissance: 1950,
  communeCode: "62498",
  commune: "Lens",
  telephone: null,
  sansTelephone: true,
  email: null,
  genre: "feminin" as const,
  statut: null,
  notes: "Préfère le mardi.",
  partageStructure: false,
  informeLe: "2026-02-10T09:30:00.000Z",
  informePar: "8b1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
  mien: true,
};

describe("données d'une personne suivie (droit d'accès)", () => {
  it("donne chaque champ, renseigné ou non, l'information reçue et chaque accompagnement", () => {
    const [champs, information, accompagnements] = contenuDonnees(fiche, [
      {
        craId: "9c1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
        date: "2026-02-20",
        type: "collectif",
        dureeMinutes: 90,
        thematiques: ["email", "securite_numerique"],
        typeLieu: "a_distance",
        lieu: null,
        conseiller: "Camille Durand",
        mien: true,
      },
    ]);
    expect(champs!.lignes).toEqual([
      "Prénom : Thị Hồng",
      "Nom : Nguyễn-Œillet",
      "Année de naissance : 1950",
      "Commune : Lens",
      "Téléphone : Pas de téléphone",
      "Adresse électronique : Non renseigné",
      "Genre : Féminin",
      "Statut : Non renseigné",
      "Notes : Préfère le mardi.",
      "Partage avec les collègues de la structure : Non",
    ]);
    expect(information!.lignes[0]).toContain("le 10/02/2026");
    expect(accompagnements!.titre).toBe("Accompagnements (1)");
    expect(accompagnements!.lignes).toEqual([
      "20 février 2026 – Atelier collectif, 90 min – E-mail, Prévention en sécurité numérique – À distance – Camille Durand",
    ]);
  });

  it("rend un PDF, même pour un nom hors de l'alphabet latin de base", async () => {
    const pdf = await donneesPdf(fiche, [], {
      auteur: "Łukasz Wróbel",
      le: new Date("2026-03-02T10:00:00Z"),
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // The State's typeface is embedded: the names print as typed.
    expect(pdf.toString("latin1")).toContain("Marianne");
  });
});
