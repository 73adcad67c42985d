import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("financement dans Chromium", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let navigateur: Browser;
  let page: Page;

  beforeAll(async () => {
    env = await plateformeEcoutante();
    navigateur = await lancerChromium();
    page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant());
  });
  afterAll(async () => {
    await navigateur?.close();
    await env?.arreter();
  });

  it("le financeur enregistre un versement et voit le solde du poste changer", async () => {
    await page.goto(`${env.url}/demo/personas`);
    await page.getByRole("button", { name: /comme Banque des Territoires/ }).click();
    await page.waitForURL(/\/espace\//);
    // The home counts the work queues; "Versements dus aujourd'hui" opens the ledger on it, a
    // page at a time, with the same count. Then the financeur looks the PIMMS up.
    const file = page.getByRole("link", { name: /^Versements dus aujourd'hui \(\d+\)$/ });
    const enAttente = Number((await file.textContent())!.match(/\((\d+)\)/)![1]);
    expect(enAttente).toBeGreaterThan(0);
    expect(await violationsGraves(page)).toEqual([]);
    await file.click();
    await page.waitForURL(/\/espace\/financeur\/grand-livre\?file=a_verser/);
    const table = page.getByRole("table", { name: /^Postes : par structure/ });
    await expect.poll(() => table.getByRole("row").count()).toBeGreaterThan(1);
    const ledger = page.locator("#titre-grand-livre").locator("..");
    const dus = ledger.getByRole("button", { name: /^Versements dus \(\d+\)$/ });
    expect(Number((await dus.textContent())!.match(/\d+/)![0])).toBe(enAttente);
    expect(await dus.getAttribute("aria-pressed")).toBe("true");
    await expect
      .poll(() => ledger.getByText(/^\d+ postes? — page 1 sur/).textContent())
      .toMatch(new RegExp(`^${enAttente} postes? `));
    expect(await table.locator("tbody tr").count()).toBeLessThanOrEqual(25);
    await ledger.getByRole("button", { name: "Tous les postes" }).click();
    await ledger.getByLabel("Structure, SIRET ou département").fill("pimms");
    await ledger.getByRole("button", { name: "Rechercher" }).click();
    await expect
      .poll(async () =>
        (await table.locator("tbody tr").allTextContents()).every((t) => t.includes("PIMMS")),
      )
      .toBe(true);
    // The filled post of the PIMMS: something is due (the advance at least).
    const lignes = table.getByRole("row").filter({ hasText: "PIMMS" });
    // Amounts are written with French narrow spaces: compared with plain ones.
    const cellules = async (i: number) =>
      (await lignes.nth(i).getByRole("cell").allTextContents()).map((t) => t.replace(/\s/g, " "));
    let due = -1;
    for (let i = 0; i < (await lignes.count()); i++) {
      const c = await cellules(i);
      if (c[4] !== "0,00 €") {
        due = i;
        break;
      }
    }
    expect(due).toBeGreaterThanOrEqual(0);
    expect(await violationsGraves(page)).toEqual([]);

    await lignes.nth(due).getByRole("button", { name: "Enregistrer un versement" }).click();
    const formulaire = page.getByRole("form", { name: /Versement pour un poste/ });
    await formulaire.getByLabel("Référence bancaire").fill("BDT-2026-000777");
    await formulaire.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(() => page.getByText("Versement enregistré.").count()).toBe(1);
    await expect.poll(async () => (await cellules(due))[4]).toBe("0,00 €");
    expect(await violationsGraves(page)).toEqual([]);

    // A wrong amount is never edited: a correction line names it and says why.
    await lignes.nth(due).getByRole("button", { name: "Versements de la structure" }).click();
    const historique = page.getByRole("table", { name: /Versements, du plus ancien/ });
    await expect.poll(() => historique.locator("tbody tr").count()).toBe(1);
    await historique.getByRole("button", { name: "Corriger" }).click();
    const correction = page.getByRole("form", { name: /Correction du versement BDT-2026-000777/ });
    await correction.getByLabel("Montant de la correction (€)").fill("-100,00");
    await correction.getByLabel("Référence bancaire").fill("BDT-2026-000778");
    await correction.getByRole("button", { name: "Corriger" }).click();
    await expect
      .poll(() =>
        correction.getByText("Une correction est une régularisation et dit son motif.").count(),
      )
      .toBe(1);
    await correction.getByLabel("Motif de la correction").fill("Erreur de saisie du montant");
    await correction.getByRole("button", { name: "Corriger" }).click();
    await expect.poll(() => historique.locator("tbody tr").count()).toBe(2);
    expect(await historique.locator("tbody tr").nth(1).textContent()).toContain(
      "Régularisation (correction)",
    );
    await expect.poll(async () => (await cellules(due))[4]).toBe("100,00 €");
    expect(await violationsGraves(page)).toEqual([]);

    // The month's schedule: what will be due on its last day, without a payment form.
    await page.getByText("Échéancier du mois", { exact: false }).click();
    await expect.poll(() => page.getByText(/^Au 31\/03\/2026/).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Enregistrer un versement" }).count()).toBe(0);
  });
});
