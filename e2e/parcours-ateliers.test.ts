import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lignes } from "../src/server/db/client.ts";
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

    // The place's public page lists it among its next workshops.
    const { lieu } = (await app.inject({ url: `/api/v1/ateliers/${id}` })).json() as {
      lieu: { id: string };
    };
    await page.goto(`${env.url}/lieux/${lieu.id}`);
    const section = page.getByRole("region", { name: "Prochains ateliers" });
    await expect
      .poll(() => section.getByRole("link", { name: "Premiers pas sur tablette" }).count())
      .toBe(1);
    expect(await section.getByText("1 atelier à venir.").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    // And the map, around that place, lists it under its results.
    const [ici] = await lignes<{ lat: number; lon: number }>(
      env.plateforme.base.db,
      sql`select latitude as lat, longitude as lon from lieu where id = ${lieu.id}`,
    );
    await page.goto(`${env.url}/carte?lat=${ici!.lat}&lon=${ici!.lon}&rayon=10`);
    const surLaCarte = page.getByRole("region", { name: "Prochains ateliers à moins de 10 km" });
    await expect
      .poll(() => surLaCarte.getByRole("link", { name: "Premiers pas sur tablette" }).count())
      .toBe(1);

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

    // The day after, the conseillère (signed in again) ticks who came with the keyboard: Marie,
    // and two people who had not registered. The collective report is recorded in one tap.
    env.plateforme.horloge.avancer(9 * 24 * 60 * 60 * 1000);
    const db = env.plateforme.base.db;
    const [avant] = await lignes<{ n: number }>(db, sql`select count(*)::int as n from cra`);
    await conseillere.goto(`${env.url}/demo/personas`);
    await conseillere.getByRole("button", { name: /comme Conseillère numérique au PIMMS/ }).click();
    await conseillere.waitForURL(/\/espace\//);
    await conseillere.goto(`${env.url}/espace/conseiller/ateliers/${id}`);
    const marie = conseillere.getByRole("checkbox", { name: "Marie" });
    await expect.poll(() => marie.isChecked()).toBe(true);
    expect(await violationsGraves(conseillere)).toEqual([]);
    await conseillere.getByLabel("Personnes venues sans inscription").focus();
    await conseillere.keyboard.press("Control+A");
    await conseillere.keyboard.type("2");
    await conseillere.keyboard.press("Tab");
    await conseillere.keyboard.press("Enter");
    await expect
      .poll(() => conseillere.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Présences et compte rendu enregistrés");
    expect(await conseillere.evaluate(() => document.activeElement?.textContent ?? "")).toContain(
      "3 participants",
    );
    const [fait] = await lignes<{ n: number; total: number }>(
      db,
      sql`select c.nb_participants as n, (select count(*)::int from cra) as total
          from atelier a join cra c on c.id = a.cra_id where a.id = ${id}`,
    );
    expect(fait).toEqual({ n: 3, total: avant!.n + 1 });
    await expect
      .poll(() =>
        conseillere.getByRole("link", { name: /voir ou compléter le compte rendu/ }).count(),
      )
      .toBe(1);
    expect(await violationsGraves(conseillere)).toEqual([]);

    // Her structure announces the next one for her, at one of her places.
    await conseillere.goto(`${env.url}/demo/personas`);
    await conseillere.getByRole("button", { name: /comme Gestionnaire du PIMMS de Lens/ }).click();
    await conseillere.waitForURL(/\/espace\//);
    await conseillere.getByRole("link", { name: "Ateliers", exact: true }).click();
    await conseillere.getByRole("link", { name: "Annoncer un atelier" }).click();
    await conseillere.getByLabel("Titre").fill("Mes papiers en ligne");
    await conseillere.getByText("E-mail", { exact: true }).click();
    const choix = conseillere.getByLabel("Lieu et conseiller qui anime l'atelier");
    await expect.poll(() => choix.locator("option").count()).toBeGreaterThan(1);
    await choix.selectOption({ index: 1 });
    await conseillere.getByLabel("Date").fill("2026-03-20");
    expect(await violationsGraves(conseillere)).toEqual([]);
    await conseillere.getByRole("button", { name: "Annoncer l'atelier" }).click();
    await expect
      .poll(() => conseillere.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Atelier annoncé");
    await conseillere.goto(`${env.url}/espace/structure/ateliers`);
    const annonce = conseillere.getByRole("row", { name: /Mes papiers en ligne/ });
    await expect.poll(() => annonce.count()).toBe(1);
    expect(await annonce.textContent()).toContain("Léa Fontaine");
    expect(await violationsGraves(conseillere)).toEqual([]);
  }, 60_000);
});
