import { describe, expect, it } from "vitest";
import { craSchema } from "../../domain/cra/cra.ts";
import { type EtatCra, etatInitial, versSaisie } from "./saisie-cra.ts";

const LIEU = "6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f";

const etat = (surcharge: Partial<EtatCra>): EtatCra => ({
  ...etatInitial("2026-03-02", LIEU),
  type: "individuel",
  dureeMinutes: "45",
  thematiques: ["email"],
  ...surcharge,
});

describe("formulaire de CRA → corps envoyé", () => {
  it("un accompagnement individuel sur un lieu : un participant, rien de l'atelier, accepté par le schéma du serveur", () => {
    const saisie = versSaisie(
      etat({ nbParticipants: "12", titreAtelier: "Reste d'un atelier", niveau: "debutant" }),
    );
    expect(saisie).toMatchObject({
      nbParticipants: 1,
      dureeMinutes: 45,
      lieuId: LIEU,
      communeCode: null,
      titreAtelier: null,
      niveau: null,
      notes: null,
    });
    expect(craSchema("2026-03-02").safeParse(saisie).success).toBe(true);
  });

  it("un atelier garde ses participants, son titre et son niveau, perd autonomie et orientation", () => {
    const saisie = versSaisie(
      etat({
        type: "collectif",
        nbParticipants: "8",
        dejaAccompagnes: "3",
        titreAtelier: "  Déjouer les arnaques  ",
        niveau: "debutant",
        autonomie: "autonome",
        oriente: true,
        structureRedirection: "aide_sociale",
        ages: { soixante_soixante_neuf: "5", moins_de_douze: "0", douze_dix_huit: "" },
      }),
    );
    expect(saisie).toMatchObject({
      nbParticipants: 8,
      dejaAccompagnes: 3,
      titreAtelier: "Déjouer les arnaques",
      niveau: "debutant",
      autonomie: null,
      oriente: false,
      structureRedirection: null,
      ages: { soixante_soixante_neuf: "5" },
    });
    expect(craSchema("2026-03-02").safeParse(saisie).success).toBe(true);
  });

  it("à domicile : la commune, jamais le lieu ; une durée vide reste absente et le schéma la réclame", () => {
    const saisie = versSaisie(
      etat({ typeLieu: "domicile", communeCode: "62119", dureeMinutes: "" }),
    );
    expect(saisie.lieuId).toBeNull();
    expect(saisie.communeCode).toBe("62119");
    expect(saisie.dureeMinutes).toBeUndefined();
    const verdict = craSchema("2026-03-02").safeParse(saisie);
    expect(verdict.success).toBe(false);
    expect(verdict.error?.issues.map((i) => i.path.join("."))).toContain("dureeMinutes");
  });

  it("une orientation sans cible n'envoie pas de cible, et une date future est refusée par le schéma du jour", () => {
    const saisie = versSaisie(
      etat({ oriente: true, structureRedirection: "", date: "2026-03-03" }),
    );
    expect(saisie.oriente).toBe(true);
    expect(saisie.structureRedirection).toBeNull();
    const chemins = craSchema("2026-03-02")
      .safeParse(saisie)
      .error?.issues.map((i) => i.path.join("."));
    expect(chemins).toEqual(expect.arrayContaining(["date", "structureRedirection"]));
  });
});
