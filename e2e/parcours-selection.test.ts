import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarrerBanLocale } from "../src/server/test/ban-locale.ts";
import { lienDans } from "../src/server/test/puits-smtp.ts";
import { violationsGraves } from "./accessibilite.ts";
import { choisirCommune } from "./commune.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

const CONTACT = "maire@noeux.example";

describe("sélection d'une structure dans Chromium", () => {
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

  const dernierLien = async (destinataire: string, objet: RegExp) => {
    await expect
      .poll(
        () =>
          env.smtp.recus.filter((m) => m.destinataire === destinataire && objet.test(m.objet))
            .length,
      )
      .toBeGreaterThan(0);
    return lienDans(
      env.smtp.recus.filter((m) => m.destinataire === destinataire && objet.test(m.objet)).at(-1)!
        .texte,
    );
  };
  const incarner = async (libelle: RegExp) => {
    await page.goto(`${env.url}/demo/personas`);
    await page.getByRole("button", { name: libelle }).click();
    await page.waitForURL(/\/espace\//);
  };

  it("une commune candidate, la préfète donne son avis, l'ANCT accorde 2 postes, la commune les voit", async () => {
    await page.goto(`${env.url}/candidature-structure`);
    await page.getByLabel("Appel à manifestation d'intérêt").selectOption({
      label: "AMI Conseillers numériques France Services – collectivités et groupements",
    });
    await page.getByLabel("Type de structure").selectOption("commune");
    await page.getByLabel("SIRET").fill("732 829 320 00074");
    await page.getByLabel("Nom de la structure").fill("Commune de Nœux-les-Mines");
    await page.getByLabel(/^Adresse\s?Numéro/).fill("Place de la République");
    await choisirCommune(page, /^Commune Nom/, "noeux les mines", /^Nœux-les-Mines/);
    await page.getByLabel("Prénom du contact").fill("Luc");
    await page.getByLabel("Nom du contact", { exact: true }).fill("Roy");
    await page.getByLabel("Fonction du contact").fill("Maire");
    await page.getByLabel("Adresse électronique du contact").fill(CONTACT);
    await page.getByLabel("Téléphone du contact").fill("03 21 00 00 01");
    await page.getByLabel("Nombre de postes souhaités").fill("2");
    await page.getByLabel("Date de début souhaitée").fill("2021-04-01");
    await page
      .getByLabel("Motivation")
      .fill("Accompagner les habitants vers l'autonomie numérique.");
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByRole("button", { name: "Envoyer la candidature" }).click();
    // The commitment box is mandatory: nothing is sent without it.
    await expect
      .poll(() => page.getByText("Vous devez cocher l'engagement").count())
      .toBeGreaterThan(0);
    await page.getByText(/La structure s'engage/).click();
    await page.getByRole("button", { name: "Envoyer la candidature" }).click();
    await expect.poll(() => page.getByText("Candidature enregistrée").count()).toBe(1);

    await page.goto(await dernierLien(CONTACT, /Confirmez/));
    await page.getByRole("button", { name: "Confirmer et déposer la candidature" }).click();
    await expect.poll(() => page.getByText("Candidature déposée").count()).toBe(1);

    // The préfet's home counts the requests waiting for its opinion and leads to them.
    await incarner(/comme Préfecture du Pas-de-Calais/);
    await page.getByRole("link", { name: /^Demandes à examiner \(\d+\)$/ }).click();
    await page.waitForURL(/\/espace\/demandes\?statut=deposee&avis=sans/);
    await page
      .getByRole("table", { name: /Demandes de postes/ })
      .getByRole("link", { name: "Commune de Nœux-les-Mines" })
      .click();
    await page.waitForURL(/\/espace\/demandes\//);
    await page.getByText("Favorable", { exact: true }).click();
    await page
      .getByLabel("Commentaire")
      .fill("Projet cohérent avec le schéma départemental d'inclusion numérique.");
    await page.getByRole("button", { name: "Enregistrer l'avis" }).click();
    await expect.poll(() => page.getByText("(avis en vigueur)").count()).toBe(1);
    // The saved opinion is confirmed where the eyes are, and the confirmation has the focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Avis favorable enregistré");
    expect(await violationsGraves(page)).toEqual([]);

    await incarner(/comme Administratrice nationale/);
    await page.getByRole("link", { name: "Appels, comités et imports" }).click();
    await page.getByLabel("Numéro de session").fill("7");
    await page.getByLabel("Date du comité").fill("2021-03-15");
    await page.getByRole("button", { name: "Préparer la session" }).click();
    await expect.poll(() => page.getByText("COSELEC 7 du 15 mars 2021").count()).toBe(1);
    await page.getByRole("link", { name: "Demandes de postes" }).click();
    await page
      .getByRole("table", { name: /Demandes de postes/ })
      .getByRole("link", { name: "Commune de Nœux-les-Mines" })
      .click();
    await page.waitForURL(/\/espace\/demandes\//);
    await expect.poll(() => page.getByLabel("Session du comité").locator("option").count()).toBe(2);
    await page.getByLabel("Session du comité").selectOption({ index: 1 });
    await page.getByLabel("Postes accordés").fill("2");
    await page.getByRole("button", { name: "Enregistrer la décision" }).click();
    await expect.poll(() => page.getByText("2 postes accordés").count()).toBe(1);

    await page.goto(await dernierLien(CONTACT, /^Invitation/));
    await page.getByRole("button", { name: "Activer mon accès et me connecter" }).click();
    await page.waitForURL(`${env.url}/espace/structure`);
    await page.getByRole("link", { name: /^Postes à pourvoir \(2\)$/ }).click();
    const lignes = page.getByRole("table", { name: /^Mes postes/ }).locator("tbody tr");
    await expect.poll(() => lignes.count()).toBe(2);
    expect(await lignes.first().textContent()).toContain("15 avril 2021");

    // Its page tells the story, dated and attributed.
    await page.goto(`${env.url}/espace/structures`);
    await page
      .getByRole("table", { name: "Votre structure" })
      .getByRole("link", { name: "Commune de Nœux-les-Mines" })
      .click();
    await page.waitForURL(/\/espace\/structures\//);
    await expect.poll(() => page.getByText("Demande acceptée par le comité").count()).toBe(1);
    await expect
      .poll(() => page.getByText(/Avis de la préfecture – .*, par Julien Lefebvre/).count())
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    // Then it asks for one more post, and withdraws the request before the committee.
    await page.goto(`${env.url}/espace/demandes`);
    await page.getByLabel("Type de demande").selectOption("ajout");
    await page.getByLabel("Nombre de postes").fill("1");
    await page.getByLabel(/Raison de l'ajout/).fill("Ouverture d'un second espace numérique.");
    await page.getByRole("button", { name: "Déposer la demande" }).click();
    await expect.poll(() => page.getByText("Votre demande est déposée.").count()).toBe(1);
    await page
      .getByRole("table", { name: "Mes demandes" })
      .getByRole("row")
      .filter({ hasText: "ajout" })
      .getByRole("link")
      .click();
    await page.getByRole("button", { name: "Retirer ma demande" }).click();
    await expect.poll(() => page.getByText("Retirée").count()).toBeGreaterThan(0);
  }, 90_000);
});

describe("adresse suggérée par la Base adresse nationale dans Chromium", () => {
  it("au clavier, une adresse choisie remplit aussi la commune du formulaire", async () => {
    const ban = await demarrerBanLocale((q) =>
      q.toLowerCase().startsWith("12 place j")
        ? {
            coordonnees: [2.8319, 50.4322],
            type: "housenumber",
            nom: "12 Place Jean Jaurès",
            codePostal: "62300",
            ville: "Lens",
            citycode: "62498",
            label: "12 Place Jean Jaurès 62300 Lens",
          }
        : {},
    );
    const env = await plateformeEcoutante({ GEOCODEUR_URL: ban.url });
    const navigateur = await lancerChromium();
    try {
      const page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant());
      await page.goto(`${env.url}/candidature-structure`);
      const adresse = page.getByRole("combobox", { name: /^Adresse\s?Numéro/ });
      await adresse.pressSequentially("12 place j");
      const options = page
        .locator(`[id="${await adresse.getAttribute("aria-controls")}"]`)
        .getByRole("option");
      await expect
        .poll(() => options.allTextContents())
        .toEqual(["12 Place Jean Jaurès 62300 Lens"]);
      await adresse.press("ArrowDown");
      await adresse.press("Enter");
      await expect.poll(() => adresse.inputValue()).toBe("12 Place Jean Jaurès");
      // The commune comes with the address, shown by its name as if picked.
      await expect
        .poll(() => page.getByRole("combobox", { name: /^Commune Nom/ }).inputValue())
        .toMatch(/^Lens \(62300/);
      expect(await violationsGraves(page)).toEqual([]);
    } finally {
      await navigateur.close();
      await env.arreter();
      await ban.arreter();
    }
  });
});
