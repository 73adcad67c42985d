import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lienDans } from "../src/server/test/puits-smtp.ts";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("inscription à un atelier dans Chromium", () => {
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

  it("une habitante s'inscrit à un atelier complet et attend ; le lien reçu par courriel annule une autre inscription au clavier, une seule fois, et la place lui revient", async () => {
    const app = env.plateforme.app;
    // The conseillère announces it from her space: one place, so that the second person waits.
    const conseillere = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant());
    await conseillere.goto(`${env.url}/demo/personas`);
    await conseillere.getByRole("button", { name: /comme Conseillère numérique au PIMMS/ }).click();
    await conseillere.waitForURL(/\/espace\//);
    await conseillere.getByRole("link", { name: "Mes ateliers" }).click();
    await conseillere.getByRole("link", { name: "Annoncer un atelier" }).click();
    await conseillere.waitForURL(/\/ateliers\/nouveau$/);
    await conseillere.getByLabel("Titre").fill("Premiers pas sur tablette");
    await conseillere.getByText("Prendre en main du matériel", { exact: true }).click();
    await expect
      .poll(() => conseillere.getByLabel("Lieu").locator("option").count())
      .toBeGreaterThan(1);
    await conseillere.getByLabel("Lieu").selectOption({ index: 1 });
    await conseillere.getByLabel("Date").fill("2026-03-10");
    await conseillere.getByLabel(/Heure de début/).fill("10:00");
    await conseillere.getByLabel("Durée (minutes)").fill("120");
    await conseillere.getByLabel("Nombre de places").fill("1");
    expect(await violationsGraves(conseillere)).toEqual([]);
    await conseillere.getByRole("button", { name: "Annoncer l'atelier" }).click();
    await expect
      .poll(() => conseillere.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Atelier annoncé");
    const publique = await conseillere
      .getByRole("link", { name: "voir sa page publique" })
      .getAttribute("href");
    const id = publique!.split("/").pop()!;
    expect(
      (
        await app.inject({
          method: "POST",
          url: `/api/v1/ateliers/${id}/inscriptions`,
          payload: { prenom: "Josiane", email: "josiane@exemple.fr", consentement: true },
        })
      ).statusCode,
    ).toBe(201);

    // Marie finds it among the next workshops and, the only place taken, waits for one.
    await page.goto(`${env.url}/ateliers`);
    await page.getByLabel("Thématique").selectOption({ label: "Prendre en main du matériel" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect.poll(() => page.getByText("1 atelier — page 1 sur 1").count()).toBe(1);
    await expect
      .poll(() => page.getByText("Complet : 0 personne en liste d'attente").count())
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByRole("link", { name: "Premiers pas sur tablette" }).click();
    await page.waitForURL(new RegExp(`/ateliers/${id}$`));
    // Without agreement nothing is recorded; the message says why, next to the box.
    await page.getByRole("textbox", { name: /^Prénom/ }).fill("Marie");
    await page.getByRole("textbox", { name: /^Adresse électronique/ }).fill("marie@exemple.fr");
    await page.getByRole("button", { name: "M'inscrire sur la liste d'attente" }).click();
    await expect
      .poll(() =>
        page
          .getByText("Acceptez d'être contacté au sujet de cet atelier pour vous inscrire.")
          .count(),
      )
      .toBeGreaterThan(0);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByText(/J'accepte d'être contacté/).click();
    await page.getByRole("button", { name: "M'inscrire sur la liste d'attente" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("vous êtes sur la liste d'attente");
    expect(await violationsGraves(page)).toEqual([]);

    await expect
      .poll(() => env.smtp.recus.filter((m) => m.destinataire === "josiane@exemple.fr").length)
      .toBe(1);
    const mail = env.smtp.recus.find((m) => m.destinataire === "josiane@exemple.fr")!;
    expect(mail.texte).toContain("Votre place est réservée");
    const lien = lienDans(mail.texte);
    expect(lien).toMatch(/\/ateliers\/annulation#/);

    // Opening the link cancels nothing: the person confirms, here with the keyboard.
    await page.goto(lien);
    await expect
      .poll(() =>
        page.getByRole("heading", { name: "Annuler mon inscription à un atelier" }).count(),
      )
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    const public_ = async () =>
      (await app.inject({ url: `/api/v1/ateliers/${id}` })).json() as { enAttente: number };
    expect((await public_()).enAttente).toBe(1);
    await page.getByRole("button", { name: "Annuler mon inscription" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Inscription annulée");
    expect(await violationsGraves(page)).toEqual([]);
    expect((await public_()).enAttente).toBe(0);
    await expect
      .poll(() => env.smtp.recus.filter((m) => m.destinataire === "marie@exemple.fr").length)
      .toBe(2);
    expect(env.smtp.recus.map((m) => m.objet)).toContain(
      "Une place s'est libérée : Premiers pas sur tablette",
    );

    // The conseillère sees who comes, in the order they came.
    await conseillere.goto(`${env.url}/espace/conseiller/ateliers/${id}`);
    await expect
      .poll(() => conseillere.getByText("Place réservée", { exact: true }).count())
      .toBe(1);
    await expect.poll(() => conseillere.getByText("Annulée", { exact: true }).count()).toBe(1);
    expect(await violationsGraves(conseillere)).toEqual([]);

    // The same link a second time says so, and changes nothing.
    await page.goto(lien);
    await page.reload();
    await page.getByRole("button", { name: "Annuler mon inscription" }).click();
    await expect
      .poll(() => page.getByText("Ce lien d'annulation n'est plus valable.").count())
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
  }, 60_000);
});
