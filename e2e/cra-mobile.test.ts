import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

/** Whether an element is wholly inside the screen as it stands (no scrolling done for it). */
const aLEcran = (page: Page, nom: string) =>
  page.getByRole("button", { name: nom }).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;
  });

describe("compte rendu sur un téléphone (390 × 844)", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let navigateur: Browser;
  let page: Page;
  beforeAll(async () => {
    env = await plateformeEcoutante();
    navigateur = await lancerChromium();
    page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant());
    await page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await navigateur?.close();
    await env?.arreter();
  });

  it("refait un accompagnement individuel en quatre touchers, confirmé sous les yeux", async () => {
    await page.goto(`${env.url}/demo/personas`);
    await page.getByRole("button", { name: /comme Conseillère numérique au PIMMS/ }).click();
    await page.waitForURL(/\/espace\//);
    await page.goto(`${env.url}/espace/conseiller/cra/nouveau`);
    const enregistrer = "Enregistrer le compte rendu";
    await page.getByRole("button", { name: enregistrer }).waitFor();
    // The save button is on screen from the start, on top of a form three screens long.
    expect(await page.evaluate(() => document.body.scrollHeight)).toBeGreaterThan(844 * 2);
    expect(await aLEcran(page, enregistrer)).toBe(true);

    // A first report sets the type and the place the next one starts from.
    await page.getByText("Accompagnement individuel", { exact: true }).click();
    await page.getByText("30 min", { exact: true }).click();
    const lieu = page.getByLabel("Votre lieu d'activité");
    await expect.poll(() => lieu.locator("option").count()).toBeGreaterThan(1);
    await lieu.selectOption({ index: 1 });
    const nomLieu = await lieu.locator("option:checked").textContent();
    await page.getByText("Oui", { exact: true }).click();
    await page.getByText("Prendre en main du matériel", { exact: false }).first().click();
    await page.getByRole("button", { name: enregistrer }).click();
    const confirmation = page.locator(".fr-alert").filter({ hasText: "Compte rendu enregistré" });
    await expect.poll(() => confirmation.count()).toBe(1);

    // The repeat, counted: each step is one tap, nothing typed.
    let touchers = 0;
    const toucher = async (cible: ReturnType<Page["getByText"]>) => {
      await cible.click();
      touchers++;
    };
    await toucher(page.getByRole("button", { name: "Saisir un autre compte rendu" }));
    expect(await page.getByLabel("Accompagnement individuel", { exact: true }).isChecked()).toBe(
      true,
    );
    expect(await lieu.locator("option:checked").textContent()).toBe(nomLieu);
    await toucher(page.getByText("30 min", { exact: true }));
    await toucher(page.getByText("Prendre en main du matériel", { exact: false }).first());
    expect(await aLEcran(page, enregistrer)).toBe(true);
    await toucher(page.getByRole("button", { name: enregistrer }));
    expect(touchers).toBeLessThanOrEqual(4);

    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Compte rendu enregistré");
    const boite = (await confirmation.boundingBox())!;
    expect(boite.y).toBeGreaterThanOrEqual(0);
    expect(boite.y + boite.height).toBeLessThanOrEqual(844);
    expect(await violationsGraves(page)).toEqual([]);

    await page.goto(`${env.url}/espace/conseiller/cra`);
    await expect
      .poll(() => page.getByRole("row", { name: /Accompagnement individuel/ }).count())
      .toBeGreaterThanOrEqual(2);
  });
});
