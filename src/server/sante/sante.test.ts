import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASES_DE_TEST } from "../test/bases.ts";
import { type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

describe.each(BASES_DE_TEST)("socle HTTP sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
  });
  afterAll(() => p.arreter());

  it("répond à /api/sante avec la base utilisée", async () => {
    const r = await p.app.inject("/api/sante");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      statut: "ok",
      base: type,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it("répond 404 en JSON français sur une route inconnue", async () => {
    const r = await p.app.inject("/api/nimporte-quoi");
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({
      erreurs: [{ champ: "", message: "Cette adresse ne correspond à aucun service." }],
    });
  });

  it("refuse un JSON mal formé sans fuite de pile", async () => {
    const r = await p.app.inject({
      method: "POST",
      url: "/api/auth/lien",
      headers: { "content-type": "application/json" },
      payload: "{pas du json",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().erreurs[0].message).toBe("Le corps de la requête n'est pas un JSON valide.");
    expect(r.body).not.toMatch(/at .*\.ts|stack/i);
  });

  it("refuse les champs inconnus (pas d'écriture en masse)", async () => {
    const r = await p.app.inject({
      method: "POST",
      url: "/api/auth/lien",
      payload: { email: "a@exemple.fr", role: "admin" },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().erreurs[0].champ).toBe("");
  });

  it("décrit toutes les routes dans un document OpenAPI", async () => {
    const r = await p.app.inject("/api/docs/json");
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/sante", "/api/moi", "/api/auth/lien", "/api/utilisateurs"]),
    );
    const page = await p.app.inject("/api/docs");
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("/api/utilisateurs/invitations");
  });

  it("envoie des en-têtes de sécurité avec une CSP sans script en ligne", async () => {
    const r = await p.app.inject("/api/sante");
    const csp = String(r.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("refuse une requête de modification venue d'un autre site", async () => {
    const r = await p.app.inject({
      method: "POST",
      url: "/api/auth/lien",
      headers: { origin: "https://pirate.exemple" },
      payload: { email: "a@exemple.fr" },
    });
    expect(r.statusCode).toBe(403);
    const ok = await p.app.inject({
      method: "POST",
      url: "/api/auth/lien",
      headers: { origin: "http://localhost:3000" },
      payload: { email: "a@exemple.fr" },
    });
    expect(ok.statusCode).toBe(202);
  });
});
