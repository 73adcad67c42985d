import { describe, expect, it } from "vitest";
import { additionner, COMPTES_VIDES, indicateurs, pourcentage, trier } from "./indicateurs.ts";

describe("indicateurs de pilotage", () => {
  it("calcule taux et parts au dixième, sans taux sur un total nul", () => {
    expect(pourcentage(293, 457)).toBe(64.1);
    expect(pourcentage(2, 3)).toBe(66.7);
    expect(pourcentage(0, 0)).toBeNull();
    const i = indicateurs({
      ...COMPTES_VIDES,
      dotation: 10,
      actives: 7,
      recrutes: 8,
      recrutesPublic: 6,
      accompagnements: 50,
      dejaAccompagnes: 20,
      vacants: 2,
      vacanceJoursCumul: 31,
      vacanceJoursMax: 20,
    });
    expect(i).toMatchObject({
      tauxActivation: 70,
      partPublic: 75,
      inactifs: 3,
      personnes: 30,
      vacanceJoursMoyenne: 16,
    });
  });
  it("additionne les territoires : sommes, vacance la plus longue, moyenne pondérée", () => {
    const total = additionner([
      { ...COMPTES_VIDES, dotation: 3, vacants: 1, vacanceJoursCumul: 10, vacanceJoursMax: 10 },
      { ...COMPTES_VIDES, dotation: 5, vacants: 3, vacanceJoursCumul: 90, vacanceJoursMax: 40 },
      { ...COMPTES_VIDES, dotation: 2 },
    ]);
    expect(total).toMatchObject({ dotation: 10, vacants: 4, vacanceJoursMax: 40 });
    expect(indicateurs(total).vacanceJoursMoyenne).toBe(25);
    expect(additionner([]).vacanceJoursMax).toBeNull();
  });
  it("trie sur une colonne, les vides en dernier en ordre décroissant, puis par code", () => {
    const ligne = (code: string, nom: string, dotation: number, actives: number) => ({
      ...indicateurs({ ...COMPTES_VIDES, dotation, actives }),
      code,
      nom,
    });
    const lignes = [
      ligne("62", "Pas-de-Calais", 68, 1),
      ligne("59", "Nord", 0, 0),
      ligne("02", "Aisne", 68, 0),
    ];
    expect(trier(lignes, "dotation", "desc").map((l) => l.code)).toEqual(["02", "62", "59"]);
    expect(trier(lignes, "tauxActivation", "desc").map((l) => l.code)).toEqual(["62", "02", "59"]);
    expect(trier(lignes, "nom", "asc").map((l) => l.nom)).toEqual([
      "Aisne",
      "Nord",
      "Pas-de-Calais",
    ]);
  });
});
