import { describe, expect, it } from "vitest";
import { nomCommuneNormalise } from "./texte.ts";

describe("nom de commune normalisé", () => {
  it.each([
    ["Saint-Étienne", "saint etienne"],
    ["SAINT ETIENNE", "saint etienne"],
    ["St Etienne", "saint etienne"],
    ["St-Étienne Cedex 1", "saint etienne"],
    ["Annecy Cedex 03", "annecy"],
    ["L'Haÿ-les-Roses", "l hay les roses"],
    ["Ste Marie aux Mines", "sainte marie aux mines"],
    ["Œuilly", "oeuilly"],
  ])("« %s » se compare comme « %s »", (ecrit, attendu) => {
    expect(nomCommuneNormalise(ecrit)).toBe(attendu);
  });

  it("ne prend pas un mot qui commence par « st » pour une abréviation", () => {
    expect(nomCommuneNormalise("Stenay")).toBe("stenay");
    expect(nomCommuneNormalise("Saint-Étienne-de-Cedexville")).toBe("saint etienne de cedexville");
  });
});
