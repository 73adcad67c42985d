import { describe, expect, it } from "vitest";
import { quantite } from "./format.ts";

describe("quantités écrites en français", () => {
  it("accorde le nom au nombre, 0 et 1 au singulier, les milliers séparés", () => {
    expect(quantite(0, "poste accordé", "postes accordés")).toBe("0 poste accordé");
    expect(quantite(1, "poste accordé", "postes accordés")).toBe("1 poste accordé");
    expect(quantite(2, "poste accordé", "postes accordés")).toBe("2 postes accordés");
    expect(quantite(2500, "candidat", "candidats")).toBe("2\u202f500 candidats");
  });
});
