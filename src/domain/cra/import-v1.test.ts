import { describe, expect, it } from "vitest";
import { type CraV1, depuisV1 } from "./import-v1.ts";

const atelier: CraV1 = {
  dateAccompagnement: "2022-05-10T00:00:00.000Z",
  canal: "rattachement",
  codePostal: "62300",
  codeCommune: "62498",
  activite: "collectif",
  nbParticipants: 10,
  nbParticipantsRecurrents: null,
  age: { moins12ans: 0, de12a18ans: 0, de18a35ans: 4, de35a60ans: 2, plus60ans: 4 },
  statut: { etudiant: 0, sansEmploi: 3, enEmploi: 2, retraite: 4, heterogene: 1 },
  themes: ["courriel", "equipement informatique", "smartphone", "tpe/pme"],
  sousThemes: [{ "equipement informatique": ["tablette"] }, { annotation: ["Ameli"] }],
  duree: "30-60",
};

describe("import des comptes rendus d'origine (V1)", () => {
  it("traduit un atelier : thèmes, matériel, public, durée, répartitions", () => {
    const r = depuisV1(atelier);
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
    const s = r.valeur.saisie;
    expect(s).toMatchObject({
      type: "collectif",
      public: "professionnel",
      date: "2022-05-10",
      dureeMinutes: 60,
      typeLieu: "lieu_activite",
      nbParticipants: 10,
      dejaAccompagnes: 0,
      notes: "Ameli",
    });
    expect(s.thematiques).toEqual([
      "email",
      "prendre_en_main_du_materiel",
      "gere_ses_contenus_numeriques",
      "entrepreneuriat",
    ]);
    expect([...(s.materiel ?? [])].sort()).toEqual(["tablette", "telephone"]);
    // 4 × 29.15 % = 1.17 → 1 in 18–24; 4 × 48.05 % = 1.92 → 2 in 60–69: same on every re-import.
    expect(s.ages).toEqual({
      dix_huit_vingt_quatre: 1,
      vingt_cinq_trente_neuf: 3,
      quarante_cinquante_neuf: 2,
      soixante_soixante_neuf: 2,
      soixante_dix_plus: 2,
    });
    expect(s.statuts).toEqual({ sans_emploi: 3, en_emploi: 2, retraite: 4, non_communique: 1 });
    expect(s.genres).toEqual({ non_communique: 10 });
  });

  it("oriente vers l'organisme le plus cité, à égalité le premier de la liste", () => {
    const r = depuisV1({
      ...atelier,
      activite: "individuel",
      canal: "domicile",
      duree: 95,
      age: "+60",
      statut: "retraite",
      organismes: [{ CAF: 1 }, { Mairie: 1 }],
      accompagnement: { individuel: 0, atelier: 0, redirection: 1 },
    });
    if (!r.ok) throw new Error("refusé");
    expect(r.valeur.saisie).toMatchObject({
      typeLieu: "domicile",
      communeCode: "62498",
      dureeMinutes: 95,
      nbParticipants: 1,
      oriente: true,
      structureRedirection: "operateur_ou_organisme_en_charge",
      ages: { soixante_dix_plus: 1 },
      statuts: { retraite: 1 },
    });
  });

  it("garde un compte rendu sans thème connu avec un avertissement", () => {
    const r = depuisV1({ ...atelier, themes: ["autre"], sousThemes: null });
    if (!r.ok) throw new Error("refusé");
    expect(r.valeur.saisie.thematiques).toEqual([]);
    expect(r.valeur.saisie.notes).toBe("Thème d'origine : autre");
    expect(r.valeur.avertissements).toHaveLength(1);
  });

  it.each([
    [{ dateAccompagnement: "2019-12-31" }, "La date est invalide."],
    [{ activite: "visite" }, "L'activité est invalide."],
    [{ canal: "plage" }, "Le canal est invalide."],
    [{ duree: "longtemps" }, "La durée est invalide."],
    [{ nbParticipants: 101 }, "Le nombre de participants est invalide."],
    [
      { age: { de18a35ans: 11 } },
      "La somme des tranches d'âge (11) dépasse le nombre de participants (10).",
    ],
  ])("refuse %j", (surcharge, message) => {
    const r = depuisV1({ ...atelier, ...surcharge } as CraV1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.erreurs.map((e) => e.message)).toContain(message);
  });
});
