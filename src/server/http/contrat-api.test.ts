import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  propertyNames?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Operation = {
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema: Schema }> }>;
};

/** An object that says nothing of its members: what `z.record(z.string(), z.unknown())` gives. */
function indefini(s: Schema): boolean {
  const variantes = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (variantes.length > 0) return variantes.some(indefini);
  return s.type === "object" && s.properties === undefined;
}

describe("contrat de l'API décrit par OpenAPI", () => {
  let p: PlateformeDeTest;
  let operations: [string, Operation][];

  beforeAll(async () => {
    p = await plateformeDeTest("pglite");
    const chemins = (await p.app.inject({ url: "/api/docs/json" })).json().paths as Record<
      string,
      Record<string, Operation>
    >;
    operations = Object.entries(chemins).flatMap(([chemin, ops]) =>
      Object.entries(ops).map(([methode, op]): [string, Operation] => [
        `${methode.toUpperCase()} ${chemin}`,
        op,
      ]),
    );
  });
  afterAll(() => p.arreter());

  it("décrit chaque corps de requête champ par champ", () => {
    const corps = operations.filter(([, op]) => op.requestBody);
    expect(corps.length).toBeGreaterThan(30);
    const muets = corps
      .filter(([, op]) => Object.values(op.requestBody!.content).some((c) => indefini(c.schema)))
      .map(([nom]) => nom);
    expect(muets).toEqual([]);
  });

  it("reconnaît un corps muet", () => {
    expect(indefini({ type: "object", additionalProperties: {} })).toBe(true);
    expect(indefini({ anyOf: [{ type: "object", properties: {} }, { type: "object" }] })).toBe(
      true,
    );
    expect(indefini({ type: "object", properties: { date: { type: "string" } } })).toBe(false);
  });

  it("décrit la réponse réussie de chaque route", () => {
    const sansReponse = operations
      .filter(([, op]) => {
        const succes = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith("2"));
        return succes.length === 0 || succes.every(([, r]) => !r.content);
      })
      .map(([nom]) => nom);
    expect(operations.length).toBeGreaterThan(130);
    expect(sansReponse).toEqual([]);
  });
});
