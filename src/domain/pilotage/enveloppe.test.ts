import { describe, expect, it } from "vitest";
import { ajouter, droitsPrevus, SOMMES_VIDES } from "./enveloppe.ts";

const PUBLIC = { plafondCents: 5_000_000, dureeMois: 24 };

describe("prévision de l'enveloppe", () => {
  it("un CDI court jusqu'au plafond ; un poste vacant ne coûte plus rien", () => {
    expect(droitsPrevus(PUBLIC, [{ debut: "2026-01-15", fin: null }])).toBe(5_000_000);
    expect(droitsPrevus(PUBLIC, [])).toBe(0);
  });
  it("un CDD d'un an coûte douze mensualités arrondies au centime inférieur", () => {
    // 5,000,000 ÷ 24 = 208,333.33… cents a month, floored: the remainder waits for the last month.
    expect(droitsPrevus(PUBLIC, [{ debut: "2026-01-01", fin: "2026-12-31" }])).toBe(12 * 208_333);
  });
  it("un renouvellement après une interruption s'arrête au plafond", () => {
    const prevu = droitsPrevus(PUBLIC, [
      { debut: "2025-01-01", fin: "2025-12-31" },
      { debut: "2026-03-01", fin: null },
    ]);
    expect(prevu).toBe(5_000_000);
  });
  it("additionne des sommes partielles", () => {
    expect(ajouter(SOMMES_VIDES, { postes: 2, verseCents: 10 })).toMatchObject({
      postes: 2,
      verseCents: 10,
      prevuCents: 0,
    });
  });
});
