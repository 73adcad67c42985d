import OpeningHours from "opening_hours";
import { describe, expect, it } from "vitest";
import { configurerZodEnFrancais } from "../zod-fr.ts";
import { depuisOsm, GRILLE_FERMEE, type Grille, problemesGrille, versOsm } from "./horaires.ts";
import { lieuSchema, ratio, SANS_PUBLIC, SEUIL_MEME_LIEU, scoreMemeLieu } from "./lieu.ts";

configurerZodEnFrancais();

const semaine: Grille = {
  ...GRILLE_FERMEE,
  Mo: [
    { debut: "09:00", fin: "12:00" },
    { debut: "14:00", fin: "17:00" },
  ],
  Tu: [
    { debut: "09:00", fin: "12:00" },
    { debut: "14:00", fin: "17:00" },
  ],
  We: [{ debut: "09:00", fin: "12:00" }],
  Th: [
    { debut: "09:00", fin: "12:00" },
    { debut: "14:00", fin: "17:00" },
  ],
  Fr: [
    { debut: "09:00", fin: "12:00" },
    { debut: "14:00", fin: "17:00" },
  ],
  Sa: [{ debut: "10:00", fin: "12:30" }],
};

describe("horaires d'ouverture", () => {
  it("écrit la grille en opening_hours OSM, jours consécutifs regroupés, et la relit", () => {
    const osm = versOsm(semaine);
    expect(osm).toBe(
      "Mo-Tu 09:00-12:00,14:00-17:00; We 09:00-12:00; Th-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:30",
    );
    expect(depuisOsm(osm)).toEqual(semaine);
    // The string is valid for the reference evaluator: open Monday 10:00, closed Sunday.
    const oh = new OpeningHours(osm);
    expect(oh.getState(new Date("2026-03-02T10:00:00"))).toBe(true);
    expect(oh.getState(new Date("2026-03-08T10:00:00"))).toBe(false);
  });
  it("rend une grille vide pour aucun horaire, null pour ce que la grille ne sait pas écrire", () => {
    expect(versOsm(GRILLE_FERMEE)).toBe("");
    expect(depuisOsm("")).toEqual(GRILLE_FERMEE);
    expect(depuisOsm("Mo-Fr 09:00-17:00; PH off")).toBeNull();
    expect(depuisOsm("24/7")).toBeNull();
  });
  it("refuse un créneau qui finit avant de commencer ou chevauche le précédent", () => {
    expect(problemesGrille({ ...GRILLE_FERMEE, Mo: [{ debut: "12:00", fin: "09:00" }] })).toEqual([
      "Lundi : chaque créneau doit commencer avant de finir, sans chevaucher le précédent.",
    ]);
    expect(
      problemesGrille({
        ...GRILLE_FERMEE,
        Tu: [
          { debut: "09:00", fin: "13:00" },
          { debut: "12:00", fin: "17:00" },
        ],
      }),
    ).toHaveLength(1);
  });
});

describe("lieu d'activité", () => {
  const base = {
    nom: "Médiathèque Jean Jaurès",
    adresse: "3 rue de la Gare",
    codePostal: "62300",
    communeCode: "62498",
    services: ["Aide aux démarches administratives"],
    modalitesAcces: ["Se présenter", SANS_PUBLIC],
  };
  it("retire « n'accueille pas de public » d'un lieu avec services, et l'impose sans services", () => {
    expect(lieuSchema.parse(base).modalitesAcces).toEqual(["Se présenter"]);
    const prive = lieuSchema.parse({ ...base, services: [], fraisACharge: ["Gratuit"] });
    expect(prive.modalitesAcces).toEqual([SANS_PUBLIC]);
    expect(prive.fraisACharge).toEqual([]);
  });
  it("refuse un SIRET faux, un service hors du standard et un lien de rendez-vous sans http", () => {
    const r = lieuSchema.safeParse({
      ...base,
      siret: "12345678901234",
      services: ["Cours de cuisine"],
      priseRdv: "javascript:alert(1)",
      typologies: ["CASINO"],
    });
    const messages = r.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain("Le SIRET est invalide (14 chiffres, clé de contrôle).");
    expect(messages).toContain("Valeur inconnue pour les services.");
    expect(messages).toContain("Valeur inconnue pour la typologie.");
    expect(messages).toContain(
      "Le lien de prise de rendez-vous doit commencer par http:// ou https://.",
    );
  });
});

describe("même lieu", () => {
  const a = {
    nom: "Médiathèque Jean Jaurès",
    adresse: "3 rue de la Gare",
    siret: null,
    communeCode: "62498",
    latitude: 50.4322,
    longitude: 2.8316,
  };
  it("reconnaît le même lieu à 20 m sous un nom voisin, pas une autre adresse ni une autre commune", () => {
    const voisin = { ...a, nom: "Mediatheque J. Jaures", latitude: 50.43235, longitude: 2.8317 };
    expect(scoreMemeLieu(a, voisin)).toBeGreaterThanOrEqual(SEUIL_MEME_LIEU);
    const ailleurs = {
      ...a,
      nom: "Centre social Vachala",
      adresse: "45 avenue Van Pelt",
      latitude: 50.44,
      longitude: 2.81,
    };
    expect(scoreMemeLieu(a, ailleurs)).toBeLessThan(SEUIL_MEME_LIEU);
    expect(scoreMemeLieu(a, { ...a, communeCode: "62119" })).toBe(0);
  });
  it("reconnaît le même SIRET à la même adresse, quel que soit le nom", () => {
    const s = { ...a, siret: "41963398700039" };
    expect(scoreMemeLieu(s, { ...s, nom: "PIMMS", latitude: null, longitude: null })).toBe(100);
    expect(ratio("Médiathèque", "mediatheque")).toBe(100);
  });
});
