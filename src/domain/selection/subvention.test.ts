import { describe, expect, it } from "vitest";
import { dateLimiteRecrutement, type RegleSubvention, regleApplicable } from "./subvention.ts";

const regle = (r: Partial<RegleSubvention>): RegleSubvention => ({
  id: r.id ?? "x",
  secteur: "public",
  territoires: [],
  phase: 1,
  montantCents: 5_000_000,
  dureeMois: 24,
  applicableDu: "2020-11-17",
  applicableAu: null,
  ...r,
});

const REGLES = [
  regle({ id: "public" }),
  regle({ id: "prive", secteur: "prive", montantCents: 4_000_000 }),
  regle({ id: "antilles", territoires: ["971", "972", "973"], montantCents: 7_000_000 }),
  regle({ id: "ocean-indien", territoires: ["974", "976"], montantCents: 6_750_000 }),
  regle({ id: "phase2", phase: 2, dureeMois: 36, applicableDu: "2023-01-01" }),
];

describe("règle de subvention d'un poste", () => {
  it.each([
    ["public", "62", "2021-03-01", 1, "public"],
    ["prive", "62", "2021-03-01", 1, "prive"],
    ["public", "972", "2021-03-01", 1, "antilles"],
    ["prive", "972", "2021-03-01", 1, "prive"],
    ["public", "976", "2021-03-01", 1, "ocean-indien"],
    ["public", "62", "2024-01-01", 2, "phase2"],
  ])(
    "%s en %s le %s (phase %i) → %s",
    (secteur, departementCode, dateAttribution, phase, attendu) => {
      expect(
        regleApplicable(REGLES, { secteur, departementCode, dateAttribution, phase })?.id,
      ).toBe(attendu);
    },
  );
  it("ne rend rien avant le début du dispositif", () => {
    expect(
      regleApplicable(REGLES, {
        secteur: "public",
        departementCode: "62",
        dateAttribution: "2020-01-01",
      }),
    ).toBeUndefined();
  });
});

describe("date limite de recrutement (attribution + 1 mois)", () => {
  it.each([
    ["2021-03-15", "2021-04-15"],
    ["2021-01-31", "2021-02-28"],
    ["2024-01-31", "2024-02-29"],
    ["2021-12-20", "2022-01-20"],
    ["2021-05-31", "2021-06-30"],
  ])("%s → %s", (attribution, limite) => {
    expect(dateLimiteRecrutement(attribution)).toBe(limite);
  });
});
