import { describe, expect, it } from "vitest";
import { niveauAtteint } from "./echeances.ts";

describe("niveau de rappel d'une échéance", () => {
  it.each([
    // Post to fill by 2 April, reminded a week before and at the deadline.
    ["2026-03-25", "2026-04-02", [7], null],
    ["2026-03-26", "2026-04-02", [7], "j-7"],
    ["2026-04-01", "2026-04-02", [7], "j-7"],
    ["2026-04-02", "2026-04-02", [7], "echeance"],
    ["2026-05-10", "2026-04-02", [7], "echeance"],
    // Contract end: two months (61 days), then one month (30 days) before.
    ["2026-06-01", "2026-07-31", [61, 30], "j-61"],
    ["2026-07-01", "2026-07-31", [61, 30], "j-30"],
    ["2026-05-30", "2026-07-31", [61, 30], null],
  ] as const)("le %s pour une échéance au %s (%j) : %s", (jour, echeance, avant, attendu) => {
    expect(niveauAtteint(jour, echeance, avant)).toBe(attendu);
  });
});
