import { describe, expect, it } from "vitest";
import { calendrier, jourIso, numeroDuJour } from "./calendrier-activite.ts";

const poids = (debut: string, fin: string) => [
  ...calendrier(numeroDuJour(debut), numeroDuJour(fin)),
];

describe("calendrier d'activité des volumes nationaux", () => {
  it("suit la semaine : rien le dimanche, peu le samedi, un vendredi plus calme", () => {
    // 2024-03-04 is a Monday.
    expect(poids("2024-03-04", "2024-03-10")).toEqual([0.9, 1.05, 1, 1.05, 0.8, 0.15, 0]);
  });

  it("ne travaille pas les jours fériés, fixes ou mobiles", () => {
    for (const ferie of ["2024-04-01", "2024-05-09", "2024-05-20", "2025-07-14", "2022-11-11"])
      expect(poids(ferie, ferie), ferie).toEqual([0]);
    // The day after Easter Monday 2024 is an ordinary Tuesday.
    expect(poids("2024-04-02", "2024-04-02")).toEqual([1.05]);
  });

  it("ralentit en août et entre Noël et le jour de l'an", () => {
    const [aout] = poids("2023-08-08", "2023-08-08");
    const [decembre] = poids("2023-12-27", "2023-12-27");
    expect(aout).toBeCloseTo(1.05 * 0.35);
    expect(decembre).toBeCloseTo(1 * 0.3);
  });

  it("numérote les jours sans dépendre du fuseau", () => {
    expect(jourIso(numeroDuJour("2026-10-31"))).toBe("2026-10-31");
    expect(numeroDuJour("1970-01-02")).toBe(1);
  });
});
