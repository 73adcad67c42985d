import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("parcours de l'administration dans Chromium", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let smtp: typeof env.smtp;
  let navigateur: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    env = await plateformeEcoutante();
    smtp = env.smtp;
    url = env.url;
    navigateur = await lancerChromium();
    page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant(), { delaiMs: 30_000 });
  });
  afterAll(async () => {
    await navigateur?.close();
    await env?.arreter();
  });

  it("entre par un persona, invite une gestionnaire de structure, puis désactive son compte", async () => {
    await page.goto(`${url}/demo/personas`);
    await page.getByRole("button", { name: /comme Administratrice nationale/ }).click();
    await page.waitForURL(`${url}/espace/admin`);
    await page.getByRole("link", { name: /Utilisateurs et invitations/ }).click();
    await page.waitForURL(`${url}/espace/admin/utilisateurs`);
    expect(await violationsGraves(page)).toEqual([]);

    // An empty form is refused field by field, in French.
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect.poll(() => page.getByText("Le prénom est obligatoire.").count()).toBe(1);

    await page.getByLabel("Adresse électronique").fill("gestionnaire@cabbalr.fr");
    await page.getByLabel("Prénom").fill("Inès");
    await page.getByLabel("Nom", { exact: true }).fill("Durand");
    await page.getByLabel("Rôle", { exact: true }).first().selectOption("structure");
    await page.getByLabel("Rechercher la structure").fill("CABBALR");
    await expect
      .poll(() => page.getByLabel("Structure", { exact: true }).locator("option").count())
      .toBe(2);
    await page.getByLabel("Structure", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect
      .poll(() => page.getByText("Invitation envoyée à gestionnaire@cabbalr.fr.").count())
      .toBe(1);
    await expect
      .poll(() => smtp.recus.filter((m) => m.destinataire === "gestionnaire@cabbalr.fr").length)
      .toBe(1);

    const ligne = page.getByRole("row").filter({ hasText: "gestionnaire@cabbalr.fr" });
    await expect.poll(() => ligne.getByText("Invitation en attente").count()).toBe(1);
    await ligne.getByRole("button", { name: /Désactiver/ }).click();
    await expect.poll(() => ligne.getByText("Désactivé", { exact: true }).count()).toBe(1);

    await page.goto(`${url}/espace/admin/journal`);
    await expect.poll(() => page.getByText("utilisateur.desactive").count()).toBeGreaterThan(0);
  });

  it("prépare un appel à manifestation d'intérêt puis l'ouvre", async () => {
    await page.goto(`${url}/espace/admin/selection`);
    await page.getByLabel("Titre de l'appel").fill("AMI France Ruralités 2026");
    await page.getByLabel("Ouverture", { exact: true }).fill("2026-01-05");
    await page.getByRole("checkbox", { name: "Commune", exact: true }).check({ force: true });
    await page.getByRole("button", { name: "Préparer l'appel (brouillon)" }).click();
    const ligne = page.getByRole("row").filter({ hasText: "AMI France Ruralités 2026" });
    await expect.poll(() => ligne.getByText("Brouillon").count()).toBe(1);
    await ligne.getByRole("button", { name: /Ouvrir/ }).click();
    await expect.poll(() => ligne.getByText("Ouvert", { exact: true }).count()).toBe(1);
  });

  it("vérifie un fichier de décisions et montre les lignes rejetées sans rien appliquer", async () => {
    await page.goto(`${url}/espace/admin/selection`);
    await page.getByLabel(/Fichier de décisions/).setInputFiles({
      name: "coselec.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("siret;decision;postes;coselec\n73282932000074;acceptée;2;COSELEC 1\n"),
    });
    await page
      .getByRole("region", { name: "Importer les décisions d'un comité" })
      .getByRole("button", { name: "Vérifier le fichier" })
      .click();
    await expect.poll(() => page.getByText("Le fichier contient des erreurs").count()).toBe(1);
    await expect
      .poll(() => page.getByRole("table", { name: "Lignes rejetées" }).locator("tbody tr").count())
      .toBe(1);
    expect(await page.getByRole("button", { name: "Appliquer les décisions" }).isDisabled()).toBe(
      true,
    );
  });
});
