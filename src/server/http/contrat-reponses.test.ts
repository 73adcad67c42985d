import Fastify from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { instantSchema } from "../../domain/champs.ts";
import { champsHorsContrat, serialiseurDuContrat } from "./contrat-reponses.ts";

const reponse = z.object({
  id: z.string(),
  le: instantSchema,
  lignes: z.array(z.object({ nom: z.string() })),
});

/** A route whose service reads one field more than its schema says, the case the guard is for. */
async function appAvecChampEnTrop(production: boolean) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serialiseurDuContrat(production));
  app
    .withTypeProvider<ZodTypeProvider>()
    .get("/trop", { schema: { response: { 200: reponse } } }, async () => {
      // Read from a table with one column too many: no literal, so no excess-property check.
      const ligne = { nom: "Lens", secret: "jeton" };
      return { id: "a", le: new Date("2026-03-02T08:00:00Z"), lignes: [ligne] };
    });
  app
    .withTypeProvider<ZodTypeProvider>()
    .get("/juste", { schema: { response: { 200: reponse } } }, async () => ({
      id: "a",
      le: new Date("2026-03-02T08:00:00Z"),
      lignes: [{ nom: "Lens" }],
    }));
  await app.ready();
  return app;
}

describe("contrat des réponses", () => {
  it("nomme chaque champ que le schéma ne décrit pas, à sa place", () => {
    expect(
      champsHorsContrat(
        { a: 1, b: { c: 2, d: 3 }, l: [{ x: 1, y: 2 }], vide: undefined },
        { a: 1, b: { c: 2 }, l: [{ x: 1 }] },
      ),
    ).toEqual(["b.d", "l.0.y"]);
    // A date becomes a text: it is a value, not an object to walk.
    expect(champsHorsContrat({ le: new Date(0) }, { le: "1970-01-01T00:00:00.000Z" })).toEqual([]);
  });

  it("hors production, refuse une réponse qui porte un champ non décrit et laisse passer la juste", async () => {
    const app = await appAvecChampEnTrop(false);
    const trop = await app.inject("/trop");
    expect(trop.statusCode).toBe(500);
    expect(trop.body).not.toContain("jeton");
    const juste = await app.inject("/juste");
    expect(juste.statusCode).toBe(200);
    expect(juste.json()).toEqual({
      id: "a",
      le: "2026-03-02T08:00:00.000Z",
      lignes: [{ nom: "Lens" }],
    });
    await app.close();
  });

  it("en production, retire le champ non décrit sans refuser la réponse", async () => {
    const app = await appAvecChampEnTrop(true);
    const trop = await app.inject("/trop");
    expect(trop.statusCode).toBe(200);
    expect(trop.json().lignes).toEqual([{ nom: "Lens" }]);
    await app.close();
  });
});
