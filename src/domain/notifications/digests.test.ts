import { describe, expect, it } from "vitest";
import { digestsPour, texteDigestPrefet, texteDigestStructure } from "./digests.ts";

const URL = "https://exemple.gouv.fr";

describe("récapitulatifs quotidiens", () => {
  it("ne propose à chacun que les récapitulatifs de ses rôles", () => {
    expect(digestsPour(["prefet"])).toEqual(["prefet"]);
    expect(digestsPour(["structure", "grand_reseau"])).toEqual(["structure"]);
    expect(digestsPour(["conseiller"])).toEqual([]);
  });
  it("n'écrit pas de courriel vide", () => {
    const vide = {
      nouvellesDemandes: [],
      demandesEnAttenteAvis: 4,
      recrutementsEnRetard: 0,
      contratsNonSignesEnRetard: 0,
    };
    expect(texteDigestPrefet(vide, URL)).toBeNull();
    expect(
      texteDigestStructure(
        { structure: "X", postesAPourvoir: [], signaturesAttendues: [], versements: [] },
        "2026-03-02",
        URL,
      ),
    ).toBeNull();
  });
  it("dit les retards au passé et les échéances à venir au futur", () => {
    const texte = texteDigestStructure(
      {
        structure: "Commune de Laventie",
        postesAPourvoir: [{ echeance: "2026-03-01" }, { echeance: "2026-03-05" }],
        signaturesAttendues: [{ personne: "Awa Diallo", echeance: "2026-03-04" }],
        versements: [],
      },
      "2026-03-02",
      URL,
    )!;
    expect(texte).toContain(
      "devait être pourvu au plus tard le 1 mars 2026 : le délai est dépassé.",
    );
    expect(texte).toContain("est à pourvoir au plus tard le 5 mars 2026.");
    expect(texte).toContain("Le contrat de Awa Diallo est à signer au plus tard le 4 mars 2026.");
    expect(texte).toContain(`${URL}/espace/notifications`);
  });
  it("résume au-delà de vingt nouvelles demandes", () => {
    const texte = texteDigestPrefet(
      {
        nouvellesDemandes: Array.from({ length: 23 }, (_, i) => ({
          structure: `Structure ${i}`,
          departementCode: "62",
          postes: 1,
        })),
        demandesEnAttenteAvis: 23,
        recrutementsEnRetard: 2,
        contratsNonSignesEnRetard: 1,
      },
      URL,
    )!;
    expect(texte).toContain("23 nouvelles demandes de postes ont été déposées depuis hier");
    expect(texte).toContain("- et 3 autres.");
    expect(texte).toContain("Postes vacants au-delà du délai d'un mois : 2.");
  });
});
