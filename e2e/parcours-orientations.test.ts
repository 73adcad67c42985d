import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lignes } from "../src/server/db/client.ts";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("orientation d'une personne dans Chromium", () => {
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
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain(titre);
  };
  /** Types into a field reached with the keyboard, as a person without a mouse does. */
  const taper = async (champ: ReturnType<Page["getByLabel"]>, texte: string) => {
    await champ.focus();
    await page.keyboard.type(texte);
  };

  it("une agente France Services oriente une personne, la conseillère du lieu accepte, l'agente voit l'issue jusqu'à la personne accompagnée", async () => {
    const db = env.plateforme.base.db;
    const [lieu] = await lignes<{ id: string; nom: string }>(
      db,
      sql`select l.id, l.nom from lieu l join lieu_conseiller lc on lc.lieu_id = l.id
          join utilisateur u on u.id = lc.conseiller_id
          where u.email = 'conseiller@demo.conseiller-numerique.fr' and l.visible_carte
          order by l.nom limit 1`,
    );

    // From the place's page, the agent opens the orientation form and fills it with the keyboard.
    await incarner(/comme Agente France Services à Liévin/);
    await page.goto(`${env.url}/lieux/${lieu!.id}`);
    await page.getByRole("link", { name: "Orienter une personne vers ce lieu" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/espace\/orientations\/nouvelle\?lieu=/);
    await expect.poll(() => page.getByText(lieu!.nom, { exact: true }).count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByLabel("Aide aux démarches administratives", { exact: true }).focus();
    await page.keyboard.press("Space");
    await page.getByLabel(/^Urgente/).focus();
    await page.keyboard.press("Space");
    // Addressed to the conseillère she knows there, by name.
    const conseiller = page.getByLabel(/^Conseiller \(facultatif\)/);
    await expect.poll(() => conseiller.locator("option").count()).toBeGreaterThan(1);
    await conseiller.selectOption({ label: "Léa Fontaine" });
    await taper(page.getByLabel("Prénom", { exact: true }), "Josiane");
    await taper(page.getByLabel("Adresse électronique", { exact: true }), "josiane@exemple.fr");
    // Without the person's agreement nothing leaves; the message says why.
    await page.getByRole("button", { name: "Envoyer l'orientation" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByText(/La personne doit accepter que ses coordonnées/).count())
      .toBeGreaterThan(0);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByLabel(/La personne accepte que ces informations/).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Envoyer l'orientation" }).focus();
    await page.keyboard.press("Enter");
    await confirmee("Orientation envoyée");
    expect(await violationsGraves(page)).toEqual([]);

    // The conseillère of the place finds it in her queue and accepts: a time tomorrow.
    await incarner(/comme Conseillère numérique au PIMMS/);
    await page.getByRole("link", { name: "Orientations reçues" }).click();
    const carte = page.getByRole("region", { name: /Josiane.*adressée à vous/ });
    await expect.poll(() => carte.count()).toBe(1);
    expect(await carte.getByText(/josiane@exemple.fr/).count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    await carte.getByRole("button", { name: "Accepter", exact: true }).focus();
    await page.keyboard.press("Enter");
    await carte.getByLabel("Date du rendez-vous").fill("2026-03-03");
    await carte.getByLabel("Heure (heure de Paris)").fill("10:30");
    await taper(carte.getByLabel(/Message pour la personne/), "Apportez votre téléphone.");
    expect(await violationsGraves(page)).toEqual([]);
    await carte.getByRole("button", { name: "Accepter et prévenir la personne" }).focus();
    await page.keyboard.press("Enter");
    await confirmee("Orientation acceptée");
    await expect
      .poll(() => env.smtp.recus.filter((m) => m.destinataire === "josiane@exemple.fr").length)
      .toBe(1);
    const mail = env.smtp.recus.find((m) => m.destinataire === "josiane@exemple.fr")!;
    expect(mail.texte).toContain("mardi 3 mars 2026 à 10:30");
    expect(mail.texte).toContain(lieu!.nom);

    // The agent reads the outcome: accepted, and when.
    await incarner(/comme Agente France Services à Liévin/);
    await expect
      .poll(() => page.getByRole("cell", { name: /Acceptée : rendez-vous le/ }).count())
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    // Josiane came: the conseillère records the accompaniment from the queue, prefilled.
    await incarner(/comme Conseillère numérique au PIMMS/);
    await page.goto(`${env.url}/espace/orientations/recues?file=acceptees`);
    await page.getByRole("link", { name: "La personne est venue : compte rendu" }).click();
    await page.waitForURL(/\/cra\/nouveau\?orientation=/);
    expect(
      await page.getByLabel("Aide aux démarches administratives", { exact: true }).isChecked(),
    ).toBe(true);
    await page.getByLabel("Date", { exact: true }).fill("2026-03-02");
    await page.getByText("45 min", { exact: true }).click();
    await page.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
    await confirmee("Compte rendu enregistré");
    const [fin] = await lignes<{ statut: string; cra: boolean }>(
      db,
      sql`select statut, cra_id is not null as cra from orientation`,
    );
    expect(fin).toEqual({ statut: "vue", cra: true });

    await incarner(/comme Agente France Services à Liévin/);
    await expect
      .poll(() => page.getByRole("cell", { name: "Personne accompagnée" }).count())
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    // The Pas-de-Calais préfet reads the figures: one sent from it, one received, one helped.
    await incarner(/comme Préfecture du Pas-de-Calais/);
    await page.getByRole("link", { name: "Orientations", exact: true }).click();
    const ligne = page.getByRole("row", { name: /^62 – Pas-de-Calais/ });
    await expect.poll(() => ligne.count()).toBe(1);
    expect((await ligne.getByRole("cell").allTextContents()).slice(0, 4)).toEqual([
      "1",
      "1",
      "1",
      "1",
    ]);
    expect(await violationsGraves(page)).toEqual([]);

    // A hub invites a social worker of its region, with the keyboard; outside it, refused.
    await incarner(/comme Hub Les Assembleurs/);
    await page.getByRole("link", { name: "Prescripteurs" }).click();
    await taper(page.getByLabel("Prénom"), "Malik");
    await taper(page.getByLabel("Nom", { exact: true }), "Benchikh");
    await taper(page.getByLabel("Adresse électronique"), "malik.benchikh@exemple.fr");
    await taper(page.getByLabel(/Code du département/), "33");
    await page.getByRole("button", { name: "Inviter" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByText("Ce département n'est pas dans votre périmètre.").count())
      .toBeGreaterThan(0);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByLabel(/Code du département/).fill("59");
    await page.getByRole("button", { name: "Inviter" }).click();
    await confirmee("Invitation envoyée");
    await expect
      .poll(
        () => env.smtp.recus.filter((m) => m.destinataire === "malik.benchikh@exemple.fr").length,
      )
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
  }, 90_000);
});
