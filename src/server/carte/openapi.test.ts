import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

type Operation = {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};

/** The public API answers what its OpenAPI document says, checked against the served document. */
describe("API publique conforme à sa description OpenAPI", () => {
  let p: PlateformeDeTest;
  let chemins: Record<string, Record<string, Operation>>;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });

  beforeAll(async () => {
    p = await plateformeDeTest("pglite");
    chemins = (await p.app.inject({ url: "/api/docs/json" })).json().paths;
  });
  afterAll(() => p.arreter());

  const conforme = async (chemin: string, url: string, statut = 200) => {
    const r = await p.app.inject({ url });
    expect(r.statusCode, r.body).toBe(statut);
    const schema =
      chemins[chemin]?.get?.responses[String(statut)]?.content?.["application/json"]?.schema;
    expect(schema, `${chemin} ${statut} décrit`).toBeDefined();
    const valider = ajv.compile(schema!);
    expect(valider(r.json()), JSON.stringify(valider.errors)).toBe(true);
    return r.json();
  };

  it("décrit et respecte chaque réponse des lieux, de la recherche et des territoires", async () => {
    const { lieux } = await conforme("/api/v1/lieux", "/api/v1/lieux?lat=50.53&lon=2.64&rayon=50");
    expect(lieux.length).toBeGreaterThan(0);
    await conforme("/api/v1/lieux/{id}", `/api/v1/lieux/${lieux[0].id}`);
    await conforme("/api/v1/lieux/{id}", "/api/v1/lieux/00000000-0000-4000-8000-000000000000", 404);
    await conforme("/api/v1/lieux", "/api/v1/lieux?lat=50.53&lon=2.64&rayon=500", 400);
    await conforme("/api/v1/recherche", `/api/v1/recherche?q=${encodeURIComponent("Lens")}`);
    await conforme("/api/v1/carte/territoires", "/api/v1/carte/territoires?gratuit=1");
    await conforme("/api/v1/carte/points", "/api/v1/carte/points?emprise=-5,41,10,51");
    const territoire = await conforme(
      "/api/v1/territoires/lieux",
      "/api/v1/territoires/lieux?departements=62",
    );
    expect(territoire.lieux.length).toBeGreaterThan(0);
    await conforme("/api/v1/territoires/lieux", "/api/v1/territoires/lieux", 400);
    await conforme("/api/v1/postes", "/api/v1/postes?region=32");
    await conforme("/api/v1/statistiques", "/api/v1/statistiques?filter[departements]=62");
  });
});
