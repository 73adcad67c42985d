import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("adresses inconnues", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let navigateur: Browser;
  beforeAll(async () => {
    env = await plateformeEcoutante();
    navigateur = await lancerChromium();
  });
  afterAll(async () => {
    await navigateur?.close();
    await env?.arreter();
  });

  it("répondent 404 avec la page « introuvable » de l'application, les pages connues 200", async () => {
    for (const chemin of ["/", "/carte", "/espace/structures/abc", "/integration/carte"]) {
      expect((await fetch(`${env.url}${chemin}`)).status, chemin).toBe(200);
    }
    for (const chemin of ["/espace/inconnu", "/wp-login.php", "/lieux", "/carte/x/y"]) {
      const r = await fetch(`${env.url}${chemin}`);
      expect(r.status, chemin).toBe(404);
      expect(r.headers.get("content-type"), chemin).toContain("text/html");
    }
    const page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant());
    const reponse = await page.goto(`${env.url}/espace/inconnu`);
    expect(reponse?.status()).toBe(404);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Page introuvable");
    await page.getByRole("link", { name: "Retour à l'accueil" }).click();
    await page.waitForURL(`${env.url}/`);
  });
});
