import { describe, expect, it } from "vitest";
import type { CraEnregistre, LigneMesCra } from "../../domain/cra/api.ts";
import { craSchema } from "../../domain/cra/cra.ts";
import {
  dureesFrequentes,
  type EtatCra,
  etatDepuisEnregistre,
  etatInitial,
  thematiquesFrequentes,
  versSaisie,
} from "./saisie-cra.ts";

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

  it("des personnes nommées : leurs identifiants partent, les comptes tapés avant non, et l'individuel n'en garde qu'une", () => {
    const personnes = [
      { id: "7a1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f", prenom: "Josiane", nom: "Martin" },
      { id: "8b1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f", prenom: null, nom: "Kevin" },
    ];
    const atelier = versSaisie(
      etat({
        type: "collectif",
        nbParticipants: "6",
        personnes,
        dejaAccompagnes: "9",
        ages: { soixante_soixante_neuf: "9" },
      }),
    );
    expect(atelier).toMatchObject({
      beneficiaireIds: personnes.map((p) => p.id),
      dejaAccompagnes: 0,
      ages: {},
    });
    // Typed before the persons were named, 9 of 6 would refuse the form for a hidden field.
    expect(craSchema("2026-03-02").safeParse(atelier).success).toBe(true);
    const individuel = versSaisie(etat({ personnes }));
    expect(individuel.beneficiaireIds).toEqual([personnes[0]!.id]);
    // One person the reader may no longer read fills the individual activity: counts derived.
    const gardee = versSaisie(etat({ personnes, personnesIllisibles: 1, dejaAccompagnes: "1" }));
    expect(gardee).toMatchObject({ beneficiaireIds: [], dejaAccompagnes: 0, ages: {} });
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

const enregistre = (surcharge: Partial<CraEnregistre> = {}): CraEnregistre => ({
  id: "2b1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
  conseillerId: "3c1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
  structureId: null,
  type: "collectif",
  public: "particulier",
  date: "2026-02-20",
  dureeMinutes: 120,
  typeLieu: "lieu_activite",
  lieuId: LIEU,
  communeCode: null,
  departementCode: "62",
  nbParticipants: 8,
  dejaAccompagnes: 2,
  ages: { soixante_soixante_neuf: 6, non_communique: 2 },
  statuts: {},
  genres: { feminin: 8 },
  thematiques: ["email", "securite_numerique"],
  precisionsDemarche: null,
  materiel: ["ordinateur"],
  autonomie: null,
  oriente: false,
  structureRedirection: null,
  titreAtelier: "Courriel en sécurité",
  niveau: "debutant",
  notes: null,
  origineV1: null,
  personnes: [],
  personnesIllisibles: 0,
  creeLe: "2026-02-20T10:00:00.000Z",
  modifieLe: "2026-02-20T10:00:00.000Z",
  ...surcharge,
});

describe("compte rendu enregistré → formulaire", () => {
  it("rend les nombres en texte, tait « non communiqué » et garde la date, sauf pour une copie", () => {
    const e = etatDepuisEnregistre(enregistre(), null);
    expect(e).toMatchObject({
      type: "collectif",
      date: "2026-02-20",
      dureeMinutes: "120",
      nbParticipants: "8",
      ages: { soixante_soixante_neuf: "6" },
      genres: { feminin: "8" },
      titreAtelier: "Courriel en sécurité",
      precisionsDemarche: "",
      communeCode: "",
    });
    expect(etatDepuisEnregistre(enregistre(), "2026-03-02").date).toBe("2026-03-02");
    // Changed, a report keeps the persons its author may no longer read; a copy does not.
    const gardees = enregistre({ personnesIllisibles: 2 });
    expect(etatDepuisEnregistre(gardees, null).personnesIllisibles).toBe(2);
    expect(etatDepuisEnregistre(gardees, "2026-03-02").personnesIllisibles).toBe(0);
    // Sent back unchanged, the form gives a body the server's schema accepts.
    expect(craSchema("2026-03-02").safeParse(versSaisie(e)).success).toBe(true);
  });
});

describe("raccourcis de saisie tirés des comptes rendus récents", () => {
  const ligne = (dureeMinutes: number, thematiques: string[]): LigneMesCra => ({
    id: "x",
    type: "individuel",
    date: "2026-02-20",
    dureeMinutes,
    typeLieu: "a_distance",
    lieu: null,
    commune: null,
    nbParticipants: 1,
    thematiques,
    titreAtelier: null,
  });

  it("propose les durées employées plus de cinq fois, la plus employée d'abord", () => {
    const cras = [
      ...Array.from({ length: 6 }, () => ligne(30, [])),
      ...Array.from({ length: 8 }, () => ligne(45, [])),
      ...Array.from({ length: 5 }, () => ligne(60, [])),
    ];
    expect(dureesFrequentes(cras)).toEqual([45, 30]);
    expect(dureesFrequentes(undefined)).toEqual([]);
  });

  it("propose les thématiques choisies trois fois au moins, six au plus", () => {
    const cras = [
      ...Array.from({ length: 3 }, () => ligne(30, ["email", "bureautique"])),
      ligne(30, ["email", "sante"]),
    ];
    expect(thematiquesFrequentes(cras)).toEqual(["email", "bureautique"]);
  });
});
