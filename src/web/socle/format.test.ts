import { describe, expect, it } from "vitest";
import { centimes, joindre, jourCourt, pourcent } from "./format.ts";

describe("joindre", () => {
  it("laisse de côté ce qui n'est pas connu, sans tiret orphelin", () => {
    expect(joindre("SIRET 123", null, "secteur public")).toBe("SIRET 123 – secteur public");
    expect(joindre(undefined, "  ", false, "secteur privé")).toBe("secteur privé");
    expect(joindre(null, undefined)).toBe("");
  });
});

describe("montants, jours et taux à la française", () => {
  it("lit des euros saisis à la française en centimes, NaN quand c'est illisible", () => {
    expect(centimes("1 800,50")).toBe(180_050);
    expect(centimes("1\u202f554,58 €")).toBe(155_458);
    expect(centimes("12")).toBe(1_200);
    expect(centimes("0,005")).toBe(1);
    expect(centimes("")).toBeNaN();
    expect(centimes("douze")).toBeNaN();
  });
  it("écrit un jour du calendrier en JJ/MM/AAAA, quel que soit le fuseau du navigateur", () => {
    expect(jourCourt("2026-03-31")).toBe("31/03/2026");
    expect(jourCourt("2028-02-29")).toBe("29/02/2028");
  });
  it("écrit un taux avec une décimale et un tiret quand il n'y en a pas", () => {
    expect(pourcent(64.1)).toBe("64,1 %");
    expect(pourcent(100)).toBe("100 %");
    expect(pourcent(null)).toBe("—");
  });
});
