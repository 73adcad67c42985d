import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connecterPersona } from "../src/server/test/plateforme.ts";
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
    const cookie = await connecterPersona(
      env.plateforme,
      "conseiller@demo.conseiller-numerique.fr",
    );
    const [lieu] = (await app.inject({ url: "/api/conseiller/lieux", headers: { cookie } })).json();
    const annonce = await app.inject({
      method: "POST",
      url: "/api/ateliers",
      headers: { cookie },
      payload: {
        titre: "Premiers pas sur tablette",
        thematiques: ["prendre_en_main_du_materiel"],
        niveau: "debutant",
        lieuId: lieu.id,
        jour: "2026-03-10",
        heure: "10:00",
        dureeMinutes: 120,
        capacite: 1,
        gratuit: true,
      },
    });
    expect(annonce.statusCode, annonce.body).toBe(201);
    const id = annonce.json().id as string;
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
