import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { violationsGraves } from "./accessibilite.ts";
import { choisirCommune } from "./commune.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("activité d'une conseillère dans Chromium", () => {
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

  const incarner = async (libelle: RegExp) => {
    await page.goto(`${env.url}/demo/personas`);
    await page.getByRole("button", { name: libelle }).click();
    await page.waitForURL(/\/espace\//);
  };

  it("enregistre un atelier et le retrouve dans ses statistiques et celles de la préfecture", async () => {
    await incarner(/comme Conseillère numérique au PIMMS/);
    // She first declares the library where she holds her Wednesday sessions.
    await page.getByRole("link", { name: /Mes lieux d'activité/ }).click();
    await page.waitForURL(/\/lieux/);
    await page.getByLabel("Nom du lieu").fill("Médiathèque Robert Cousin");
    await page.getByRole("combobox", { name: /^Adresse\s?Numéro/ }).fill("1 rue Jean Letienne");
    await page.getByLabel("Code postal", { exact: true }).fill("62300");
    await choisirCommune(page, /^Commune Nom/, "lens", /^Lens \(62300\)/);
    await page.getByText("Aide aux démarches administratives", { exact: true }).click();
    await page.getByLabel("Mercredi, ouverture du matin").fill("09:00");
    await page.getByLabel("Mercredi, fermeture du matin").fill("12:00");
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByRole("button", { name: "Ajouter ce lieu" }).click();
    await expect.poll(() => page.getByText("Lieu ajouté à vos lieux d'activité.").count()).toBe(1);
    await expect.poll(() => page.getByText(/We 09:00-12:00/).count()).toBe(1);

    await page.goto(`${env.url}/espace/conseiller`);
    await page.getByRole("link", { name: /Nouveau compte rendu/ }).click();
    await page.waitForURL(/\/cra\/nouveau/);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByText("Atelier collectif", { exact: true }).click();
    // The server's clock is the test's (2 March 2026).
    await page.getByLabel("Date", { exact: true }).fill("2026-03-02");
    await page.getByText("1 h 30", { exact: true }).click();
    await expect
      .poll(() => page.getByLabel("Votre lieu d'activité").locator("option").count())
      .toBe(3);
    await page
      .getByLabel("Votre lieu d'activité")
      .selectOption({ label: "Médiathèque Robert Cousin – Lens" });
    await page.getByLabel("Nombre de participants").fill("12");
    await page.getByLabel("Titre de l'atelier (facultatif)").fill("Déjouer les arnaques en ligne");
    await page.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
    // Nothing is sent without a theme; the message names what is missing.
    await expect
      .poll(() => page.getByText("Sélectionnez au moins une thématique.").count())
      .toBeGreaterThan(0);
    await page.getByText("Prévention en sécurité numérique", { exact: true }).click();
    await page.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
    // The confirmation is where the eyes are, and has the focus: nobody enters it twice.
    const confirmation = page.locator(".fr-alert").filter({ hasText: "Compte rendu enregistré" });
    await expect.poll(() => confirmation.count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Compte rendu enregistré");
    const boite = await confirmation.boundingBox();
    const fenetre = page.viewportSize()!;
    expect(boite!.y).toBeGreaterThanOrEqual(0);
    expect(boite!.y + boite!.height).toBeLessThanOrEqual(fenetre.height);
    expect(await confirmation.textContent()).toContain("Atelier collectif du 2 mars 2026");
    // The next report starts from the same type and place.
    expect(await page.getByLabel("Atelier collectif", { exact: true }).isChecked()).toBe(true);
    expect(
      await page.getByLabel("Votre lieu d'activité").locator("option:checked").textContent(),
    ).toBe("Médiathèque Robert Cousin – Lens");
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByRole("button", { name: "Saisir un autre compte rendu" }).click();
    expect(
      await page.evaluate(() =>
        Boolean(document.getElementById("formulaire-cra")?.contains(document.activeElement)),
      ),
    ).toBe(true);

    await page.goto(`${env.url}/espace/conseiller/cra`);
    const ligne = page.getByRole("row", { name: /Déjouer les arnaques en ligne/ });
    await expect.poll(() => ligne.count()).toBe(1);
    expect(await ligne.textContent()).toContain("12 participants");
    expect(await violationsGraves(page)).toEqual([]);

    await page.goto(`${env.url}/espace/statistiques`);
    await expect.poll(() => page.getByText("Accompagnements : 12").count()).toBe(1);
    await expect.poll(() => page.getByText("Activités : 1").count()).toBe(1);
    // Each chart's figures are in its table, one click below it.
    // Opened like a reader does, again if a re-render closed it (the charts' chunk arriving).
    const donnees = page
      .locator("details")
      .filter({ has: page.getByText("Tableau des données : thématiques") });
    await expect
      .poll(async () => {
        const ouvert = () => donnees.evaluate((d) => (d as HTMLDetailsElement).open);
        if (!(await ouvert())) await donnees.locator("summary").click();
        return ouvert();
      })
      .toBe(true);
    const themes = page.getByRole("table", { name: "Thématiques" });
    expect(
      await themes.getByRole("row", { name: /Prévention en sécurité numérique/ }).textContent(),
    ).toContain("12 (100,0 %)");
    // Each split and the 12-month trend are drawn by the State's chart components, above the
    // table that holds their figures; the page stays short.
    await expect.poll(() => page.locator("canvas").count()).toBe(13);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      8_000,
    );
    // Narrowed to the library, then to individual support: the workshop stays, then goes.
    await page
      .getByLabel("Lieu d'activité")
      .selectOption({ label: "Médiathèque Robert Cousin – Lens" });
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect.poll(() => page.getByText("Accompagnements : 12").count()).toBe(1);
    await page.getByLabel("Type d'activité").selectOption({ label: "Accompagnement individuel" });
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect.poll(() => page.getByText("Accompagnements : 0").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    await incarner(/comme Préfecture du Pas-de-Calais/);
    await page.goto(`${env.url}/espace/statistiques`);
    await expect.poll(() => page.getByText("Accompagnements : 12").count()).toBe(1);
    await incarner(/comme Préfecture du Nord/);
    await page.goto(`${env.url}/espace/statistiques`);
    await expect.poll(() => page.getByText("Accompagnements : 0").count()).toBe(1);

    // The national administrator narrows to a département, then to a commune.
    await incarner(/comme Administratrice nationale/);
    await page.goto(`${env.url}/espace/statistiques`);
    await page.getByLabel("Département").selectOption({ label: "Nord (59)" });
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect.poll(() => page.getByText("Accompagnements : 0").count()).toBe(1);
    await page.getByLabel("Département").selectOption({ label: "Pas-de-Calais (62)" });
    await choisirCommune(page, /^Commune de l'activité/, "Lens", /^Lens \(62300\)/);
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect.poll(() => page.getByText("Accompagnements : 12").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    // The public page: aggregates only, by territory.
    await page.goto(`${env.url}/statistiques`);
    await expect.poll(() => page.getByText("Accompagnements : 12").count()).toBe(1);
    await page.getByLabel("Territoire").selectOption({ label: "Nord (59)" });
    await expect.poll(() => page.getByText("Accompagnements : 0").count()).toBe(1);
    await page.getByLabel("Territoire").selectOption({ label: "Pas-de-Calais (62)" });
    await expect.poll(() => page.getByText("Accompagnements : 12").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    // One journey through four spaces and eight axe checks: 14 s alone, past 30 s beside the
    // other CI worker on a shared two-core machine.
  }, 90_000);
});
