import { describe, expect, it } from "vitest";
import { PAGES_ESPACES } from "./espaces.ts";
import { pageConnue } from "./pages.ts";
import { ACCUEILS_ROLES, ROLES } from "./roles.ts";

describe("pages des espaces", () => {
  it("chaque page d'une navigation est une page connue, l'accueil du rôle en tête", () => {
    for (const role of ROLES) {
      const pages = PAGES_ESPACES[role];
      expect(pages[0]?.chemin, role).toBe(ACCUEILS_ROLES[role]);
      for (const p of pages) expect(pageConnue(p.chemin), `${role} ${p.chemin}`).toBe(true);
      expect(new Set(pages.map((p) => p.chemin)).size, role).toBe(pages.length);
    }
  });
});
