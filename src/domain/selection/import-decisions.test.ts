import { describe, expect, it } from "vitest";
import { issueImportee, lireLigneDecision, numeroSession } from "./import-decisions.ts";

describe("lecture d'une ligne de décision", () => {
  it.each([
    ["acceptée", "acceptee"],
    ["POSITIF", "acceptee"],
    ["VALIDATION_COSELEC", "acceptee"],
    ["Refusé", "refusee"],
    ["NÉGATIF", "refusee"],
    ["EXAMEN COMPLÉMENTAIRE", "complement"],
    ["peut-être", undefined],
  ])("« %s » → %s", (brute, attendu) => {
    expect(issueImportee(brute)).toBe(attendu);
  });
  it.each([
    ["12", 12],
    ["COSELEC 42", 42],
    ["coselec42", 42],
    ["douze", undefined],
  ])("session « %s » → %s", (brute, attendu) => {
    expect(numeroSession(brute)).toBe(attendu);
  });
  it("lit une ligne complète", () => {
    expect(
      lireLigneDecision(
        { siret: "732 829 320 00074", decision: "acceptée", postes: "2", coselec: "COSELEC 7" },
        2,
      ),
    ).toEqual({
      ok: true,
      valeur: {
        ligne: 2,
        identifiant: { siret: "73282932000074" },
        issue: "acceptee",
        postesAccordes: 2,
        numeroSession: 7,
      },
    });
  });
  it("rend toutes les erreurs d'une ligne, en français", () => {
    const r = lireLigneDecision({ siret: "123", decision: "oui", postes: "", coselec: "x" }, 5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.erreurs.map((e) => e.champ)).toEqual(["siret", "decision", "coselec"]);
    const sansPoste = lireLigneDecision(
      { siret: "73282932000074", decision: "acceptée", postes: "0", coselec: "7" },
      6,
    );
    expect(sansPoste).toEqual({
      ok: false,
      erreurs: [
        { champ: "postes", message: "Une décision acceptée accorde entre 1 et 50 postes." },
      ],
    });
    const refusAvecPostes = lireLigneDecision(
      { siret: "73282932000074", decision: "refusée", postes: "3", coselec: "7" },
      7,
    );
    expect(refusAvecPostes.ok).toBe(false);
  });
});
