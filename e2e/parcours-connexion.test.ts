import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lienDans } from "../src/server/test/puits-smtp.ts";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

const PREFET = "prefet.62@demo.conseiller-numerique.fr";

describe("parcours dans Chromium", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let smtp: typeof env.smtp;
  let navigateur: Browser;
  let page: Page;
  let url: string;
  const erreursCsp: string[] = [];

  beforeAll(async () => {
    env = await plateformeEcoutante();
    smtp = env.smtp;
    url = env.url;
    navigateur = await lancerChromium();
    page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant(), { delaiMs: 30_000 });
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) erreursCsp.push(m.text());
    });
  });
  afterAll(async () => {
    await navigateur?.close();
    await env?.arreter();
  });

  it("affiche l'accueil en français, avec le DSFR servi localement et un lien d'évitement", async () => {
    const horsSite: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith("data:")) horsSite.push(r.url());
    });
    await page.goto(`${url}/`);
    await expect
      .poll(() => page.locator("main h1").textContent())
      .toBe("Conseillers numériques France Services");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    const police = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(police).toMatch(/Marianne/);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Contenu");
    expect(await page.locator("footer").textContent()).toMatch(/Accessibilité : non conforme/);
    expect(horsSite).toEqual([]);
    expect(await violationsGraves(page)).toEqual([]);
  });

  it("bascule en affichage sombre par les paramètres d'affichage", async () => {
    await page.goto(`${url}/plan-du-site`);
    await page.getByRole("button", { name: "Paramètres d'affichage" }).first().click();
    await page.locator("#fr-theme-modal").waitFor({ state: "visible" });
    await page.getByText("Thème sombre", { exact: true }).click();
    await expect.poll(() => page.getAttribute("html", "data-fr-theme")).toBe("dark");
    await page.getByText("Thème clair", { exact: true }).click();
    await expect.poll(() => page.getAttribute("html", "data-fr-theme")).toBe("light");
    await page.keyboard.press("Escape");
  });

  it("se connecte par lien magique, arrive sur l'espace de son rôle et se déconnecte", async () => {
    await page.goto(`${url}/connexion`);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByLabel("Adresse électronique").fill("pas-une-adresse");
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect.poll(() => page.getByText("n'est pas valide").count()).toBe(1);

    await page.getByLabel("Adresse électronique").fill(PREFET);
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect.poll(() => page.getByText("Vérifiez votre messagerie").count()).toBe(1);
    await expect.poll(() => smtp.recus.filter((m) => m.destinataire === PREFET).length).toBe(1);

    const lien = lienDans(smtp.recus.find((m) => m.destinataire === PREFET)!.texte);
    expect(lien.startsWith(`${url}/connexion/lien?jeton=`)).toBe(true);
    await page.goto(lien);
    await page.getByRole("button", { name: "Me connecter" }).click();
    await page.waitForURL(`${url}/espace/prefet`);
    await expect.poll(() => page.locator("main h1").textContent()).toBe("Espace de la préfecture");
    await expect.poll(() => page.getByText("Pas-de-Calais (62)").count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await violationsGraves(page)).toEqual([]);

    await page.getByRole("button", { name: "Se déconnecter" }).first().click();
    await page.waitForURL(`${url}/`);
    const moi = await page.evaluate(async () => (await fetch("/api/moi")).status);
    expect(moi).toBe(401);

    // The link served once: it cannot open a second session.
    await page.goto(lien);
    await page.getByRole("button", { name: "Me connecter" }).click();
    await expect.poll(() => page.getByText("Lien inutilisable").count()).toBe(1);
  });

  it("ne déclenche aucune violation de la politique de sécurité du contenu", () => {
    expect(erreursCsp).toEqual([]);
  });
});
