import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cra } from "../src/server/db/schema.ts";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

/**
 * The browser's offline mode does not reach a service worker's own requests: they are cut here
 * too, so that what the worker answers comes from what it kept, as on a device without network.
 */
const couperLeWorker = (route: Route) =>
  route.request().serviceWorker() ? route.abort("internetdisconnected") : route.continue();

async function horsLigne(ctx: BrowserContext, coupe: boolean) {
  if (coupe) {
    await ctx.setOffline(true);
    await ctx.route("**", couperLeWorker);
  } else {
    await ctx.unroute("**", couperLeWorker);
    await ctx.setOffline(false);
  }
}

describe("comptes rendus saisis sans réseau dans Chromium", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let navigateur: Browser;
  let page: Page;

  beforeAll(async () => {
    env = await plateformeEcoutante();
    navigateur = await lancerChromium();
    page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant(), {
      serviceWorkers: "allow",
    });
  });
  afterAll(async () => {
    await navigateur?.close();
    await env?.arreter();
  });

  const confirmee = async (titre: string) => {
    await expect.poll(() => page.locator(".fr-alert").filter({ hasText: titre }).count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain(titre);
  };
  const activites = () =>
    page.evaluate(async () => {
      const r = await fetch("/api/statistiques", { credentials: "same-origin" });
      return ((await r.json()) as { totaux: { activites: number } }).totaux.activites;
    });

  it("des comptes rendus saisis hors connexion attendent sur l'appareil, survivent au rechargement, partent une seule fois au retour du réseau, et celui que le serveur refuse se corrige", async () => {
    await page.goto(`${env.url}/demo/personas`);
    await page.getByRole("button", { name: /comme Conseillère numérique au PIMMS/ }).click();
    await page.waitForURL(/\/espace\//);
    // The app installs its worker and keeps what the form needs while the network is there.
    await page.goto(`${env.url}/espace/conseiller/cra`);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 20_000,
      })
      .toBe(true);
    const manifeste = await page.evaluate(async () =>
      (await fetch("/manifest.webmanifest")).json(),
    );
    expect(manifeste).toMatchObject({ lang: "fr", display: "standalone", theme_color: "#000091" });
    await page.goto(`${env.url}/espace/conseiller/cra/nouveau`);
    await expect
      .poll(() => page.getByLabel("Votre lieu d'activité").locator("option").count())
      .toBeGreaterThan(1);
    const avant = await activites();
    const lignesAvant = await env.plateforme.base.db.$count(cra);

    await horsLigne(page.context(), true);
    // The fourth is dated before her contract: the server will refuse it when it arrives.
    for (const date of ["2026-03-02", "2026-03-01", "2026-02-27", "2020-12-01"]) {
      await page.getByText("Aide ponctuelle", { exact: true }).click();
      await page.getByLabel("Date", { exact: true }).fill(date);
      await page.getByText("15 min", { exact: true }).click();
      await page.getByText("À distance", { exact: true }).click();
      await page.getByText("E-mail", { exact: true }).click();
      await page.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
      await confirmee("Compte rendu gardé sur cet appareil, en attente d'envoi");
    }
    await expect.poll(() => page.getByText("En attente d'envoi (4)").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    expect(await env.plateforme.base.db.$count(cra)).toBe(lignesAvant);

    // Reloaded without network: the app comes from the device, the three still wait.
    await page.reload();
    await expect.poll(() => page.getByText("En attente d'envoi (4)").count()).toBe(1);
    await page.goto(`${env.url}/espace/conseiller/cra`);
    await expect.poll(() => page.getByText("En attente d'envoi (4)").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    // The network is back: sent once, and the statistics move by exactly three. The refused
    // one stays on the device with the server's words.
    await horsLigne(page.context(), false);
    await expect
      .poll(() => page.getByText("En attente d'envoi (1)").count(), { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => page.getByText(/refusé : Vous n'aviez pas de contrat/).count()).toBe(1);
    expect(await env.plateforme.base.db.$count(cra)).toBe(lignesAvant + 3);
    expect(await activites()).toBe(avant + 3);
    expect(await violationsGraves(page)).toEqual([]);

    // Corrected with the keyboard: the form opens on what was typed, the date is changed.
    await page.getByRole("link", { name: /Corriger le compte rendu Aide ponctuelle/ }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/attente=/);
    await expect.poll(() => page.getByText(/Le service a refusé ce compte rendu/).count()).toBe(1);
    await page.getByLabel("Date", { exact: true }).focus();
    await page.keyboard.type("02032026");
    await page.getByRole("button", { name: "Enregistrer le compte rendu" }).focus();
    await page.keyboard.press("Enter");
    await confirmee("Compte rendu enregistré");
    await expect.poll(() => page.getByText(/En attente d'envoi \(/).count()).toBe(0);
    expect(await env.plateforme.base.db.$count(cra)).toBe(lignesAvant + 4);
    expect(await activites()).toBe(avant + 4);
    // Asked again on demand, nothing is sent twice.
    await page.reload();
    await expect.poll(() => page.getByText(/En attente d'envoi \(/).count()).toBe(0);
    expect(await env.plateforme.base.db.$count(cra)).toBe(lignesAvant + 4);

    // One more without network, then dropped after confirming: it never leaves the device.
    await page.goto(`${env.url}/espace/conseiller/cra/nouveau`);
    await horsLigne(page.context(), true);
    await page.getByText("Aide ponctuelle", { exact: true }).click();
    await page.getByLabel("Date", { exact: true }).fill("2026-03-01");
    await page.getByText("15 min", { exact: true }).click();
    await page.getByText("À distance", { exact: true }).click();
    await page.getByText("E-mail", { exact: true }).click();
    await page.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
    await confirmee("Compte rendu gardé sur cet appareil, en attente d'envoi");
    await expect.poll(() => page.getByText("En attente d'envoi (1)").count()).toBe(1);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: /^Abandonner le compte rendu Aide ponctuelle/ }).click();
    await expect.poll(() => page.getByText(/abandonné\./).count()).toBe(1);
    await horsLigne(page.context(), false);
    await page.reload();
    await expect.poll(() => page.getByText(/En attente d'envoi \(/).count()).toBe(0);
    expect(await env.plateforme.base.db.$count(cra)).toBe(lignesAvant + 4);

    // Signed out: what was kept of her data to work offline leaves the device.
    const gardes = () => page.evaluate(() => caches.keys());
    expect(await gardes()).toContain("cnfs-hors-ligne-api");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect.poll(gardes).not.toContain("cnfs-hors-ligne-api");
  }, 120_000);
});
