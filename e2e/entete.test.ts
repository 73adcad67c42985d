import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

/** Where the brand block and the header tools sit, and whether the brand's text is cut. */
const mesurer = (page: Page) =>
  page.evaluate(() => {
    const marque = document.querySelector(".fr-header__brand")!.getBoundingClientRect();
    const outils = document.querySelector(".fr-header__tools");
    // The brand's box hides what overflows it: squeezed, it cuts "RÉPUBLIQUE FRANÇAISE".
    const boite = document.querySelector(".fr-header__brand-top")!.getBoundingClientRect();
    const logo = document.querySelector(".fr-header__logo .fr-logo")!.getBoundingClientRect();
    const o = outils?.getBoundingClientRect();
    const visibles = o && o.width > 0 && getComputedStyle(outils!).display !== "none";
    return {
      chevauche: Boolean(visibles && o && marque.right > o.left + 1),
      logoCoupe: logo.right > boite.right + 1,
      marqueHorsEcran: marque.left < 0 || marque.right > window.innerWidth,
    };
  });

describe("en-tête de l'État", () => {
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

  it("garde le bloc-marque entier à toute largeur, connecté ou non", async () => {
    const page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant());
    const mesures: string[] = [];
    for (const connecte of [false, true]) {
      if (connecte) {
        await page.goto(`${env.url}/demo/personas`);
        await page.getByRole("button", { name: /comme Administratrice nationale/ }).click();
        await page.waitForURL(/\/espace\//);
      }
      for (const largeur of [390, 992, 1024, 1280, 1440]) {
        await page.setViewportSize({ width: largeur, height: 900 });
        await page.goto(`${env.url}/carte`);
        await page.locator(".fr-header__brand").waitFor();
        if (connecte && largeur === 1280)
          await page.screenshot({
            path: "/tmp/entete-1280.png",
            clip: { x: 0, y: 0, width: 1280, height: 200 },
          });
        const m = await mesurer(page);
        if (m.chevauche || m.logoCoupe || m.marqueHorsEcran)
          mesures.push(`${connecte ? "connecté" : "anonyme"} ${largeur} px : ${JSON.stringify(m)}`);
      }
    }
    expect(mesures).toEqual([]);
  });
});
