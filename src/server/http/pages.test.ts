import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PAGES, pageConnue } from "../../domain/pages.ts";

describe("pages de l'application", () => {
  it("sont exactement celles que déclare le routeur (plus la carte intégrée)", () => {
    const source = readFileSync(new URL("../../web/App.tsx", import.meta.url), "utf8");
    const routeur = [...source.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]);
    expect(routeur.length).toBeGreaterThan(30);
    expect([...routeur, "/integration/carte"].sort()).toEqual([...PAGES].sort());
  });

  it("reconnaît une page et ses paramètres, pas un chemin voisin", () => {
    expect(pageConnue("/")).toBe(true);
    expect(pageConnue("/espace/conseiller/cra/nouveau")).toBe(true);
    expect(pageConnue("/espace/structures/8f1c")).toBe(true);
    expect(pageConnue("/carte/")).toBe(true);
    expect(pageConnue("/espace/structures/8f1c/autre")).toBe(false);
    expect(pageConnue("/espace/inconnu")).toBe(false);
    expect(pageConnue("/wp-login.php")).toBe(false);
    expect(pageConnue("/lieux")).toBe(false);
  });
});
