import { describe, expect, it } from "vitest";
import { configurerZodEnFrancais } from "../zod-fr.ts";
import {
  accompagnements,
  completer,
  craSchema,
  pourcentages,
  type SaisieCra,
  trancheDuree,
} from "./cra.ts";

configurerZodEnFrancais();

const schema = craSchema("2026-03-02");
const LIEU = "00000000-0000-4000-8000-000000000001";
const atelier: SaisieCra = {
  type: "collectif",
  date: "2026-03-02",
  dureeMinutes: 90,
  typeLieu: "lieu_activite",
  lieuId: LIEU,
  nbParticipants: 10,
  dejaAccompagnes: 4,
  ages: { soixante_soixante_neuf: 6, soixante_dix_plus: 3 },
  statuts: { retraite: 9 },
  thematiques: ["securite_numerique", "email"],
  materiel: ["tablette"],
  titreAtelier: "Déjouer les arnaques",
  niveau: "debutant",
};
const individuel: SaisieCra = {
  type: "individuel",
  date: "2026-02-27",
  dureeMinutes: 30,
  typeLieu: "domicile",
  communeCode: "62119",
  thematiques: ["aide_aux_demarches_administratives", "argent_impots"],
  precisionsDemarche: "Déclaration de revenus",
  autonomie: "partiellement_autonome",
  oriente: true,
  structureRedirection: "operateur_ou_organisme_en_charge",
};

const messages = (saisie: Record<string, unknown>) => {
  const r = schema.safeParse(saisie);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("compte rendu d'activité", () => {
  it("accepte un atelier et complète les répartitions jusqu'au nombre de participants", () => {
    const r = schema.parse(atelier);
    expect(r.ages).toEqual({ soixante_soixante_neuf: 6, soixante_dix_plus: 3, non_communique: 1 });
    expect(r.statuts).toEqual({ retraite: 9, non_communique: 1 });
    expect(r.genres).toEqual({ non_communique: 10 });
    expect(r.public).toBe("particulier");
  });

  it("accepte un accompagnement individuel à domicile avec une démarche et une orientation", () => {
    const r = schema.parse(individuel);
    expect(r).toMatchObject({ nbParticipants: 1, ages: { non_communique: 1 }, oriente: true });
  });

  it.each([
    [{ type: undefined }, "type: Le type d'activité est obligatoire."],
    [{ date: "2026-03-03" }, "date: La date ne peut pas être dans le futur."],
    [
      { date: "2020-11-16" },
      "date: La date doit être postérieure au début du dispositif (17/11/2020).",
    ],
    [{ dureeMinutes: undefined }, "dureeMinutes: La durée est obligatoire."],
    [
      { dureeMinutes: 1440 },
      "dureeMinutes: La durée doit être comprise entre 1 minute et 23 h 59.",
    ],
    [{ dureeMinutes: 0 }, "dureeMinutes: La durée doit être comprise entre 1 minute et 23 h 59."],
    [{ lieuId: null }, "lieuId: Choisissez un de vos lieux d'activité."],
    [{ thematiques: [] }, "thematiques: Sélectionnez au moins une thématique."],
    [
      { thematiques: ["logement"] },
      "thematiques: Les thématiques de démarche administrative nécessitent la thématique « Aide aux démarches administratives ».",
    ],
    [
      { nbParticipants: 101 },
      "nbParticipants: Le nombre de participants doit être compris entre 1 et 100.",
    ],
    [
      { dejaAccompagnes: 11 },
      "dejaAccompagnes: Le nombre de personnes déjà accompagnées ne peut pas dépasser le nombre de participants.",
    ],
    [
      { ages: { douze_dix_huit: 12 } },
      "ages: La somme des tranches d'âge (12) dépasse le nombre de participants (10).",
    ],
    [
      { statuts: { en_emploi: 6, retraite: 6 } },
      "statuts: La somme des statuts (12) dépasse le nombre de participants (10).",
    ],
    [
      { genres: { feminin: 11 } },
      "genres: La somme des genres (11) dépasse le nombre de participants (10).",
    ],
    [
      { materiel: ["aucun", "tablette"] },
      "materiel: « Pas de matériel » ne peut pas être combiné avec un autre matériel.",
    ],
    [
      { autonomie: "autonome" },
      "autonomie: Ce champ n'est pas disponible pour ce type d'activité.",
    ],
    [
      { notes: "<script>alert(1)</script>" },
      "notes: Les notes sont du texte simple, sans balises.",
    ],
  ])("refuse un atelier avec %j", (surcharge, message) => {
    expect(messages({ ...atelier, ...surcharge })).toContain(message);
  });

  it.each([
    [{ communeCode: null }, "communeCode: La commune est obligatoire pour ce type de lieu."],
    [
      { nbParticipants: 2 },
      "nbParticipants: Un accompagnement individuel ou une aide ponctuelle concerne une seule personne.",
    ],
    [
      { structureRedirection: null },
      "structureRedirection: Précisez vers quel type de structure la personne a été orientée.",
    ],
    [
      { titreAtelier: "Atelier" },
      "titreAtelier: Ce champ n'est pas disponible pour ce type d'activité.",
    ],
    [
      { thematiques: ["email"] },
      "precisionsDemarche: Ce champ n'est pas disponible sans démarche administrative.",
    ],
  ])("refuse un accompagnement individuel avec %j", (surcharge, message) => {
    expect(messages({ ...individuel, ...surcharge })).toContain(message);
  });

  it("refuse un champ inconnu plutôt que de l'ignorer", () => {
    expect(messages({ ...atelier, conseillerId: LIEU }).length).toBeGreaterThan(0);
  });
});

describe("unités et indicateurs", () => {
  it("compte un atelier de 10 pour 10 accompagnements, le reste pour un", () => {
    expect(accompagnements({ type: "collectif", nbParticipants: 10 })).toBe(10);
    expect(accompagnements({ type: "ponctuel", nbParticipants: 1 })).toBe(1);
  });
  it.each([
    [1, "moins_30"],
    [29, "moins_30"],
    [30, "de_30_a_60"],
    [59, "de_30_a_60"],
    [60, "de_60_a_120"],
    [120, "plus_120"],
  ] as const)("range %i minutes dans %s", (minutes, tranche) => {
    expect(trancheDuree(minutes)).toBe(tranche);
  });
  it("donne des pourcentages à une décimale qui font exactement 100", () => {
    const p = pourcentages({ a: 1, b: 1, c: 1 });
    expect(p).toEqual({ a: 33.4, b: 33.3, c: 33.3 });
    expect(
      Object.values(pourcentages({ x: 2, y: 5, z: 7, w: 13 })).reduce((s, v) => s + v, 0),
    ).toBeCloseTo(100, 10);
    expect(pourcentages({ a: 0, b: 0 })).toEqual({ a: 0, b: 0 });
  });
  it("range le reste non ventilé en « non communiqué » et ignore les zéros", () => {
    expect(completer({ feminin: 0, masculin: 2 }, 3)).toEqual({ masculin: 2, non_communique: 1 });
    expect(completer({ non_communique: 1 }, 3)).toEqual({ non_communique: 3 });
  });
});
