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

  it("le lien reçu par courriel annule l'inscription au clavier, une seule fois, et la place va à la personne en attente", async () => {
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
    for (const [prenom, email] of [
      ["Josiane", "josiane@exemple.fr"],
      ["Marie", "marie@exemple.fr"],
    ])
      expect(
        (
          await app.inject({
            method: "POST",
            url: `/api/v1/ateliers/${id}/inscriptions`,
            payload: { prenom, email, consentement: true },
          })
        ).statusCode,
      ).toBe(201);

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
