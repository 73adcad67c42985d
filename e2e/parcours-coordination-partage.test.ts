import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { violationsGraves } from "./accessibilite.ts";
import { choisirCommune } from "./commune.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("coordination et statistiques partagées dans Chromium", () => {
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
  const confirmee = async (titre: string) => {
    await expect.poll(() => page.locator(".fr-alert").filter({ hasText: titre }).count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain(titre);
  };
  const enregistrer = async () => {
    await page.getByRole("button", { name: "Enregistrer la coordination" }).click();
    await confirmee("Coordination enregistrée");
  };

  it("une coordinatrice invite une conseillère, qui accepte, puis enregistre une animation, un événement et un partenariat, et lit ses chiffres et ceux de son équipe", async () => {
    await incarner(/comme Coordinatrice du Pas-de-Calais/);
    // Her team first: she invites a conseillère of her département, who accepts.
    await page.getByRole("link", { name: "Mon équipe" }).click();
    await page.waitForURL(/\/equipe$/);
    await page
      .getByLabel("Adresse électronique du conseiller à inviter")
      .fill("conseiller@demo.conseiller-numerique.fr");
    await page.getByRole("button", { name: "Inviter" }).click();
    await confirmee("Invitation envoyée");
    await expect
      .poll(() => page.getByRole("cell", { name: "Invité", exact: true }).count())
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    await incarner(/comme Conseillère numérique au PIMMS/);
    await page.getByRole("button", { name: /^Accepter l'invitation de / }).click();
    await confirmee("Invitation acceptée");
    expect(await violationsGraves(page)).toEqual([]);
    await incarner(/comme Coordinatrice du Pas-de-Calais/);
    await page.goto(`${env.url}/espace/coordinateur/equipe`);
    await expect.poll(() => page.getByRole("cell", { name: /^(Actif|Inactif)$/ }).count()).toBe(1);
    expect(await page.getByRole("cell", { name: "Invité", exact: true }).count()).toBe(0);

    await page.getByRole("link", { name: "Mes coordinations" }).click();
    await page.waitForURL(/\/coordinations$/);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByRole("link", { name: "Nouvelle coordination" }).click();
    await page.waitForURL(/\/coordinations\/nouvelle$/);

    await page.getByRole("radio", { name: "Animation d'équipe" }).check({ force: true });
    await page.getByLabel("Durée (minutes)").fill("120");
    const presents = page
      .getByRole("group", { name: "Conseillers présents" })
      .getByRole("checkbox");
    await expect.poll(() => presents.count()).toBeGreaterThan(0);
    await presents.first().check({ force: true });
    await page.getByText("E-mail", { exact: true }).click();
    expect(await violationsGraves(page)).toEqual([]);
    await enregistrer();

    await page.getByRole("radio", { name: "Événement" }).check({ force: true });
    await page.getByLabel("Durée (minutes)").fill("240");
    await page.getByLabel("Titre de l'événement").fill("Fête du numérique");
    await choisirCommune(page, /^Commune de l'événement/, "lens", /^Lens \(62300\)/);
    await page.getByLabel("Nombre de participants").fill("40");
    await enregistrer();

    await page.getByRole("radio", { name: "Partenariat" }).check({ force: true });
    await page.getByLabel("Durée (minutes)").fill("60");
    await page.getByLabel("Structure partenaire").fill("Mairie de Lens");
    await page
      .getByLabel("Type de partenaire")
      .selectOption({ label: "Collectivité territoriale" });
    await page.getByLabel("Sujet").fill("Permanences numériques en mairie");
    await enregistrer();
    expect(await violationsGraves(page)).toEqual([]);

    await page.getByRole("link", { name: "Voir mes coordinations" }).click();
    await expect.poll(() => page.getByText("3 comptes rendus — page 1 sur 1").count()).toBe(1);
    await page.getByRole("link", { name: "Modifier" }).first().click();
    await expect.poll(() => page.getByLabel("Durée (minutes)").inputValue()).not.toBe("");
    expect(await violationsGraves(page)).toEqual([]);
    await page.goBack();
    const chiffres = page.getByRole("table", { name: /^Ma coordination du/ });
    expect(await chiffres.getByRole("row", { name: /Événement/ }).textContent()).toContain(
      "40 participants",
    );
    expect(await chiffres.getByRole("row", { name: /Animation d'équipe/ }).textContent()).toContain(
      "1 conseiller réuni",
    );
    expect(await violationsGraves(page)).toEqual([]);

    // Her team's statistics, narrowed to the conseillère who joined it.
    await page.goto(`${env.url}/espace/statistiques`);
    const conseiller = page.getByLabel("Conseiller", { exact: true });
    await expect.poll(() => conseiller.locator("option").count()).toBeGreaterThan(1);
    await conseiller.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect.poll(() => page.getByText(/^Accompagnements :/).count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
  }, 90_000);

  it("une structure partage ses statistiques par un lien qu'un visiteur anonyme ouvre, et télécharge le rapport PDF", async () => {
    await incarner(/comme Gestionnaire du PIMMS/);
    await page.goto(`${env.url}/espace/statistiques`);
    await page.getByRole("button", { name: "Partager ces statistiques par un lien" }).click();
    await page.getByLabel("Titre lu par les visiteurs").fill("Bilan pour le conseil municipal");
    await page.getByRole("button", { name: "Créer le lien" }).click();
    await confirmee("Lien de partage créé");
    const adresse = await page.getByLabel("Adresse du lien").inputValue();
    expect(adresse).toMatch(/\/statistiques\/partage\/[A-Za-z0-9_-]{43}$/);
    await expect
      .poll(() => page.getByRole("row", { name: /Bilan pour le conseil municipal/ }).count())
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    const [telechargement] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Rapport PDF" }).click(),
    ]);
    expect(telechargement.suggestedFilename()).toMatch(/^Statistiques_structure_.*\.pdf$/);
    const flux = await telechargement.createReadStream();
    const morceaux: Buffer[] = [];
    for await (const m of flux) morceaux.push(m as Buffer);
    expect(Buffer.concat(morceaux).subarray(0, 5).toString()).toBe("%PDF-");

    // Nobody signed in: a fresh browser context opens the link.
    const visiteur = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant());
    await visiteur.goto(adresse.replace(/^https?:\/\/[^/]+/, env.url));
    await expect
      .poll(() =>
        visiteur.getByRole("heading", { name: "Bilan pour le conseil municipal" }).count(),
      )
      .toBe(1);
    await expect.poll(() => visiteur.getByText(/^Accompagnements :/).count()).toBe(1);
    expect(await visiteur.getByText(/Conseillers numériques de /).count()).toBe(1);
    expect(await violationsGraves(visiteur)).toEqual([]);
    await visiteur.context().close();
  }, 90_000);
});
