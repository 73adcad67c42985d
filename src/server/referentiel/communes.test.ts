import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distanceKm } from "../../domain/recrutement/matching.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

type Resultat = {
  libelle: string;
  latitude: number | null;
  longitude: number | null;
  communeCode: string;
  precision: string;
  approximatif: boolean;
};

/** Town halls, read on a map: each commune's point must be within its commune, a few km away. */
const MAIRIES = {
  "62193": { latitude: 50.9513, longitude: 1.8587 }, // Calais
  "62119": { latitude: 50.5303, longitude: 2.6408 }, // Béthune
  "23096": { latitude: 46.1717, longitude: 1.8717 }, // Guéret
  "42218": { latitude: 45.4397, longitude: 4.3872 }, // Saint-Étienne
  "69123": { latitude: 45.7676, longitude: 4.8344 }, // Lyon
  "75056": { latitude: 48.8566, longitude: 2.3522 }, // Paris
  "73065": { latitude: 45.5646, longitude: 5.9178 }, // Chambéry
  "74010": { latitude: 45.8992, longitude: 6.1294 }, // Annecy
  "97411": { latitude: -20.8789, longitude: 55.4481 }, // Saint-Denis (La Réunion)
};

describe.each(BASES_DE_TEST)("communes de France sans géocodeur, sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
  });
  afterAll(() => p.arreter());

  const chercher = async (q: string): Promise<Resultat[]> => {
    const r = await p.app.inject({ url: `/api/v1/recherche?q=${encodeURIComponent(q)}` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().source).toBe("referentiel");
    return r.json().resultats;
  };

  it.each([
    ["calais", "62193"],
    ["bethune", "62119"],
    ["Gueret", "23096"],
    ["St Etienne", "42218"],
    ["SAINT ETIENNE", "42218"],
    ["Saint-Étienne", "42218"],
    ["Lyon", "69123"],
    ["Paris", "75056"],
    ["69001", "69123"],
    ["Chambery", "73065"],
    ["Annecy Cedex 03", "74010"],
    // Two communes of that name: La Réunion's is the larger.
    ["Saint-Denis", "97411"],
  ])("« %s » trouve d'abord sa commune, à son propre point", async (q, code) => {
    const [premier] = await chercher(q);
    expect(premier).toMatchObject({ communeCode: code, precision: "commune" });
    const mairie = MAIRIES[code as keyof typeof MAIRIES];
    if (mairie)
      expect(distanceKm(mairie, premier as { latitude: number; longitude: number })).toBeLessThan(
        8,
      );
  });

  it("place chaque commune là où elle est : deux communes n'ont jamais le même point inventé", async () => {
    const [calais] = await chercher("Calais");
    const [bethune] = await chercher("Béthune");
    const ecart = distanceKm(
      calais as { latitude: number; longitude: number },
      bethune as { latitude: number; longitude: number },
    );
    // Calais is 64 km from Béthune as the crow flies.
    expect(ecart).toBeGreaterThan(55);
    expect(ecart).toBeLessThan(75);
    const [reunion] = await chercher("97400");
    expect(
      distanceKm(MAIRIES["97411"], reunion as { latitude: number; longitude: number }),
    ).toBeLessThan(8);
  });

  it("donne Paris puis ses arrondissements, au point de Paris dit approximatif", async () => {
    const resultats = await chercher("Paris");
    expect(resultats[0]).toMatchObject({ communeCode: "75056", approximatif: false });
    const arrondissements = resultats.slice(1).filter((r) => r.communeCode.startsWith("751"));
    expect(arrondissements.length).toBeGreaterThan(0);
    for (const a of arrondissements)
      expect(a).toMatchObject({ precision: "commune", approximatif: true });
  });

  it("prend la commune d'une adresse tapée sans géocodeur, en le disant approximatif", async () => {
    const [lens] = await chercher("12 place Jean Jaurès Lens");
    expect(lens).toMatchObject({ communeCode: "62498", approximatif: true, precision: "commune" });
    const [parCode] = await chercher("3 rue de la Gare 62300 Lens");
    expect(parCode).toMatchObject({ communeCode: "62498", approximatif: true });
  });

  it("propose pour un code Cedex les communes de sa zone postale, sans le donner pour sûr", async () => {
    // 74003 is no commune's postcode (Annecy Cedex): Annecy is the largest of the 740 area.
    const [annecy] = await chercher("74003");
    expect(annecy).toMatchObject({ communeCode: "74010", approximatif: true });
    expect(annecy?.libelle).toContain("même zone postale que le code 74003");
    const [exacte] = await chercher("74000");
    expect(exacte).toMatchObject({ communeCode: "74010", approximatif: false });
    const [adresse] = await chercher("3 rue Sommeiller 74003 Annecy");
    expect(adresse).toMatchObject({ communeCode: "74010", approximatif: true });
    expect(adresse?.libelle).toBe("Annecy (74)");
    const suggestions = await p.app.inject({ url: "/api/communes?q=74003" });
    expect((suggestions.json() as { code: string }[])[0]?.code).toBe("74010");
  });

  it("dit d'une commune sans point connu qu'aucune distance ne peut être calculée", async () => {
    // Re-created in 2023 from a commune nouvelle: no outline of its own in the source.
    const [sannerville] = await chercher("Sannerville");
    expect(sannerville).toMatchObject({
      communeCode: "14666",
      precision: "inconnue",
      latitude: null,
      longitude: null,
    });
  });

  it("ne répond rien pour ce qui n'est pas une commune", async () => {
    expect(await chercher("zzqxw")).toEqual([]);
  });

  it("suggère les communes par le référentiel, accents et abréviations ignorés", async () => {
    const r = await p.app.inject({ url: `/api/communes?q=${encodeURIComponent("st etien")}` });
    expect(r.statusCode).toBe(200);
    const noms = (r.json() as { code: string; nom: string }[]).map((c) => c.nom);
    expect(noms.length).toBeGreaterThan(0);
    expect(noms).toContain("Saint-Étienne");
    expect(noms.every((n) => n.startsWith("Saint-Étienne"))).toBe(true);
  });

  it("donne une commune par son code INSEE, et 404 pour un code qui n'existe pas", async () => {
    const r = await p.app.inject({ url: "/api/communes/62119" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ code: "62119", nom: "Béthune", departementCode: "62" });
    expect((await p.app.inject({ url: "/api/communes/99999" })).statusCode).toBe(404);
    expect((await p.app.inject({ url: "/api/communes/..%2F1" })).statusCode).toBe(400);
  });

  it("dit qu'aucun lieu n'est dans le rayon et nomme le plus proche au-delà, à sa vraie distance", async () => {
    const [lyon] = await chercher("Lyon");
    const { latitude, longitude } = lyon as { latitude: number; longitude: number };
    const r = await p.app.inject({
      url: `/api/v1/lieux?lat=${latitude}&lon=${longitude}&rayon=20`,
    });
    expect(r.statusCode, r.body).toBe(200);
    const corps = r.json();
    expect(corps.total).toBe(0);
    expect(corps.plusProche).not.toBeNull();
    const { plusProche } = corps;
    const vraie = distanceKm({ latitude, longitude }, plusProche);
    expect(plusProche.distanceKm).toBeGreaterThan(20);
    expect(Math.abs(plusProche.distanceKm - vraie)).toBeLessThan(0.5);
  });
});
