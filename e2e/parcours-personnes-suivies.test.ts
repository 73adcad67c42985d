import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("personnes suivies d'une conseillère dans Chromium", () => {
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

  /** The success alert, once, with the focus: where the eyes are after a save. */
  const confirmee = async (titre: string) => {
    await expect.poll(() => page.locator(".fr-alert").filter({ hasText: titre }).count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain(titre);
  };

  const compteRendu = async (date: string) => {
    await page.getByText("Accompagnement individuel", { exact: true }).click();
    await page.getByLabel("Date", { exact: true }).fill(date);
    await page.getByText("45 min", { exact: true }).click();
    await page.getByText("À distance", { exact: true }).click();
    await page.getByText("E-mail", { exact: true }).click();
    await page.getByRole("combobox", { name: /Nommer une personne suivie/ }).fill("Lef");
    await page.getByRole("option", { name: /Josiane Lefèvre/ }).click();
    await expect
      .poll(() => page.getByText(/tirés des fiches des personnes nommées/).count())
      .toBe(1);
    await page.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
    await confirmee("Compte rendu enregistré");
  };

  it("enregistre une personne, la nomme dans deux comptes rendus, voit sa chronologie, est avertie d'un doublon et le fusionne", async () => {
    await page.goto(`${env.url}/demo/personas`);
    await page.getByRole("button", { name: /comme Conseillère numérique au PIMMS/ }).click();
    await page.waitForURL(/\/espace\//);
    await page.getByRole("link", { name: "Mes personnes suivies" }).click();
    await page.waitForURL(/\/personnes$/);
    await expect.poll(() => page.getByText("0 personne suivie — page 1 sur 1").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    await page.getByRole("link", { name: "Enregistrer une personne" }).click();
    await page.waitForURL(/\/personnes\/nouvelle$/);
    await page.getByLabel("Prénom (facultatif)").fill("Josiane");
    await page.getByLabel("Nom", { exact: true }).fill("Lefèvre");
    await page.getByLabel(/Année de naissance/).fill("1950");
    await page.getByLabel(/Téléphone/).fill("06 11 22 33 44");
    // Nothing is recorded before the person was told what the data is for.
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();
    await expect
      .poll(() =>
        page
          .getByText("Indiquez que la personne a été informée de l'usage de ses données.")
          .count(),
      )
      .toBeGreaterThan(0);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByText(/J'ai informé la personne/).click();
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();
    await confirmee("Personne enregistrée");
    expect(await violationsGraves(page)).toEqual([]);

    // Two reports name her: the second one on the day before the first.
    await page.getByRole("link", { name: "Saisir un compte rendu" }).click();
    await page.waitForURL(/\/cra\/nouveau/);
    await compteRendu("2026-03-02");
    expect(await violationsGraves(page)).toEqual([]);
    await page.goto(`${env.url}/espace/conseiller/cra/nouveau`);
    await compteRendu("2026-02-23");

    await page.goto(`${env.url}/espace/conseiller/personnes`);
    await page.getByRole("link", { name: "Josiane Lefèvre" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Accompagnements (2)" }).count())
      .toBe(1);
    const dates = page.getByRole("table").getByRole("row");
    await expect.poll(() => dates.count()).toBe(3);
    expect(await dates.nth(1).textContent()).toContain("2 mars 2026");
    expect(await dates.nth(2).textContent()).toContain("23 février 2026");
    expect(await violationsGraves(page)).toEqual([]);

    // Typed again in a hurry, without the accent: she is proposed, the conseillère goes on.
    await page.goto(`${env.url}/espace/conseiller/personnes/nouvelle`);
    await page.getByLabel("Prénom (facultatif)").fill("Josianne");
    await page.getByLabel("Nom", { exact: true }).fill("LEFEVRE");
    const alerte = page.locator(".fr-notice").filter({ hasText: "peut-être déjà suivie" });
    await expect.poll(() => alerte.getByText("Josiane Lefèvre").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByText(/J'ai informé la personne/).click();
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();
    await confirmee("Personne enregistrée");
    await page.getByRole("link", { name: "Voir sa fiche" }).click();

    // Her duplicate's file points to her; the merge keeps this file, with her name and year.
    await page.getByRole("link", { name: "Comparer et fusionner avec Josiane Lefèvre" }).click();
    await page.waitForURL(/\/fusion\//);
    await page.getByText("Josiane (doublon)", { exact: true }).click();
    await page.getByText("Lefèvre (doublon)", { exact: true }).click();
    // The year the kept file lacks is offered from the duplicate.
    expect(await page.getByLabel("1950 (doublon)").isChecked()).toBe(true);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByRole("button", { name: "Fusionner les deux fiches" }).click();
    await confirmee("Fiches fusionnées");
    await page.getByRole("link", { name: "Voir la fiche" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Josiane Lefèvre" }).count()).toBe(1);
    // Its edit page, as keyboard and screen readers meet it.
    await page.getByRole("link", { name: "Modifier la fiche" }).click();
    await expect.poll(() => page.getByLabel("Nom", { exact: true }).inputValue()).toBe("Lefèvre");
    expect(await violationsGraves(page)).toEqual([]);
    await page.goBack();
    await expect
      .poll(() => page.getByRole("heading", { name: "Accompagnements (2)" }).count())
      .toBe(1);
    expect(await page.getByText("1950", { exact: true }).count()).toBe(1);

    await page.goto(`${env.url}/espace/conseiller/personnes`);
    await expect.poll(() => page.getByText("1 personne suivie — page 1 sur 1").count()).toBe(1);

    // A file from her previous tool: checked first, then imported.
    await page.getByRole("link", { name: "Importer un fichier" }).click();
    await page.waitForURL(/\/personnes\/import$/);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByText(/J'ai informé chaque personne du fichier/).click();
    await page.getByLabel("Fichier à importer").setInputFiles({
      name: "personnes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Prénom;Nom;Année de naissance\nMarcel;Dupont;1948\n"),
    });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect.poll(() => page.getByText("Fichier vérifié", { exact: true }).count()).toBe(1);
    await page.getByRole("button", { name: "Importer les personnes" }).click();
    await expect.poll(() => page.getByText("Personnes importées", { exact: true }).count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    await page.goto(`${env.url}/espace/conseiller/personnes`);
    await expect.poll(() => page.getByText("2 personnes suivies — page 1 sur 1").count()).toBe(1);
  }, 90_000);
});
