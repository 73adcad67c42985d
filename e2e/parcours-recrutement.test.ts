import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lienDans } from "../src/server/test/puits-smtp.ts";
import { violationsGraves } from "./accessibilite.ts";
import { choisirCommune } from "./commune.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

const CANDIDATE = "ines.marchal@exemple.fr";

describe("recrutement d'un conseiller dans Chromium", () => {
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
    const recus = () =>
      env.smtp.recus.filter((m) => m.destinataire === destinataire && objet.test(m.objet));
    await expect.poll(() => recus().length).toBeGreaterThan(0);
    return lienDans(recus().at(-1)!.texte);
  };
  const incarner = async (libelle: RegExp) => {
    await page.goto(`${env.url}/demo/personas`);
    await page.getByRole("button", { name: libelle }).click();
    await page.waitForURL(/\/espace\//);
  };

  it("de la candidature à un recrutement validé, contrat signé et parcours de formation fixé", async () => {
    // 1. A person applies, with a CV, and confirms by the link received.
    const cv = join(tmpdir(), "cv-ines.pdf");
    writeFileSync(cv, Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(500, 32)]));
    await page.goto(`${env.url}/candidature-conseiller`);
    await page.getByLabel("Prénom").fill("Inès");
    await page.getByLabel("Nom", { exact: true }).fill("Marchal");
    await page.getByLabel("Adresse électronique").fill(CANDIDATE);
    await page.getByLabel("Téléphone").fill("06 12 34 56 78");
    await choisirCommune(page, /^Commune de résidence/, "62300", /^Lens \(62300\)/);
    await page.getByText("Demandeur d'emploi", { exact: true }).click();
    await page.getByLabel("Disponible à partir du").fill("2026-12-01");
    await page.getByLabel("Distance maximale depuis votre commune").selectOption("20");
    await page.getByLabel("Votre motivation").fill("Accompagner les habitants du bassin minier.");
    await page.getByLabel("Votre CV (facultatif)").setInputFiles(cv);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await expect.poll(() => page.getByText("Vérifiez votre messagerie").count()).toBe(1);
    await page.goto(await dernierLien(CANDIDATE, /Confirmez votre candidature/));
    await page.getByRole("button", { name: "Confirmer ma candidature" }).click();
    await expect.poll(() => page.getByText("Candidature enregistrée").count()).toBe(1);

    // 2. She signs in to her space and reads the identifier she gives the structure.
    await page.goto(`${env.url}/connexion`);
    await page.getByLabel("Adresse électronique").fill(CANDIDATE);
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await page.goto(await dernierLien(CANDIDATE, /connexion/i));
    await page.getByRole("button", { name: "Me connecter" }).click();
    await page.waitForURL(/\/espace\/candidat/);
    await expect.poll(() => page.getByText("Ma candidature").count()).toBeGreaterThan(0);
    const identifiant = (await page.locator("code").first().textContent())!.trim();
    expect(await page.getByRole("link", { name: /Télécharger cv-ines.pdf/ }).count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    // 3. The PIMMS sees its pool, pre-selects her by identifier and declares the recruitment.
    await incarner(/comme Gestionnaire du PIMMS/);
    await page.getByRole("link", { name: /Vivier de candidats/ }).click();
    await page.waitForURL(/\/espace\/structure\/vivier/);
    const lignes = page.getByRole("table", { name: "Vivier de candidats" }).locator("tbody tr");
    await expect.poll(() => lignes.count()).toBe(20);
    expect(await violationsGraves(page)).toEqual([]);
    // Marking a candidate says so where the eyes and the focus are, with the way to the record.
    const premier = (await lignes.first().getByRole("link").textContent())!.trim();
    await lignes
      .first()
      .getByRole("button", { name: `Intéressé par ${premier}`, exact: true })
      .click();
    const confirmation = page.getByText(`${premier} : marqué « Intéressé »`);
    await expect.poll(() => confirmation.count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("marqué « Intéressé »");
    expect(await confirmation.isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Voir sa fiche" }).count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByLabel("Identifiant du candidat").fill(identifiant);
    await page.getByRole("button", { name: "Présélectionner" }).click();
    await page.waitForURL(/\/espace\/structure\/candidats\//);
    await expect.poll(() => page.getByText(CANDIDATE).count()).toBe(1);
    await page.getByLabel("Type de contrat").selectOption("cdd");
    await page.getByLabel("Date de début").fill("2026-03-16");
    await page.getByLabel("Date de fin").fill("2027-03-15");
    await page.getByLabel("Salaire brut mensuel (€)").fill("1 400");
    await page.getByRole("button", { name: "Déclarer le recrutement" }).click();
    await expect.poll(() => page.getByText(/au moins égal au SMIC/).count()).toBeGreaterThan(0);
    await page.getByLabel("Salaire brut mensuel (€)").fill("1 850,00");
    await page.getByRole("button", { name: "Déclarer le recrutement" }).click();
    await page.waitForURL(/\/espace\/structure\/recrutements/);
    await page.getByRole("button", { name: "Gérer le contrat de Inès Marchal" }).click();
    await page.getByLabel("Signé le").fill("2026-03-02");
    await page.getByRole("button", { name: "Enregistrer la signature" }).click();
    await expect.poll(() => page.getByText("Signé le 2 mars 2026").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    // 4. The ANCT validates: she becomes a conseillère of the PIMMS and is told so.
    await incarner(/comme Administratrice nationale/);
    await page.goto(`${env.url}/espace/admin/recrutements`);
    await page
      .getByRole("table", { name: "À traiter" })
      .getByRole("button", { name: "Valider le recrutement de Inès Marchal" })
      .click();
    await expect
      .poll(
        () =>
          env.smtp.recus.filter((m) => m.destinataire === CANDIDATE && /validé/.test(m.objet))
            .length,
      )
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    // 5. The structure registers her training and records the path set by the provider.
    await incarner(/comme Gestionnaire du PIMMS/);
    await page.goto(`${env.url}/espace/structure/recrutements`);
    await page.getByRole("button", { name: "Gérer le contrat de Inès Marchal" }).click();
    await page.getByLabel("Organisme de formation").selectOption({ index: 1 });
    await page.getByLabel("Modalité").selectOption("presentiel");
    await page.getByLabel("Date d'inscription").fill("2026-03-02");
    await page.getByRole("button", { name: "Enregistrer l'inscription" }).click();
    await expect.poll(() => page.getByLabel("Parcours fixé par l'organisme").count()).toBe(1);
    await page.getByLabel("Date du positionnement").fill("2026-03-02");
    await page.getByLabel("Parcours fixé par l'organisme").selectOption("280");
    await page.getByLabel("Début prévu").fill("2026-03-09");
    await page.getByLabel("Fin prévue").fill("2026-06-26");
    await page.getByRole("button", { name: "Enregistrer le parcours" }).click();
    await expect
      .poll(() => page.getByText(/Positionnée — parcours de 280 h/).count())
      .toBeGreaterThan(0);

    // 6. The préfet of the Pas-de-Calais follows her training; the demo conseillère sees her own.
    await incarner(/comme Préfecture du Pas-de-Calais/);
    await page.getByRole("link", { name: "Contrats", exact: true }).click();
    const suivis = page.getByRole("table", { name: "En cours et formation" });
    await expect.poll(() => suivis.getByText("Inès Marchal").count()).toBe(1);
    expect(await suivis.locator("tr", { hasText: "Inès Marchal" }).textContent()).toContain(
      "parcours de 280 h",
    );
    expect(await violationsGraves(page)).toEqual([]);
    await incarner(/comme Conseillère numérique au PIMMS/);
    await expect.poll(() => page.getByText("Ma formation et mes certifications").count()).toBe(1);
    expect(await page.getByText("280 heures").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
  });

  it("la structure déclare une rupture, l'ANCT la valide, le poste redevient vacant", async () => {
    await incarner(/comme Gestionnaire du PIMMS/);
    await page.goto(`${env.url}/espace/structure/recrutements`);
    await page.getByRole("button", { name: "Gérer le contrat de Léa Fontaine" }).click();
    await page.getByLabel("Date de la rupture").fill("2026-03-02");
    await page.getByLabel("Motif").selectOption("demission");
    await page.getByText("Lettre de démission", { exact: true }).click();
    await page.getByRole("button", { name: "Déclarer la rupture" }).click();
    await expect.poll(() => page.getByText(/Rupture déclarée au 2 mars 2026/).count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    await incarner(/comme Administratrice nationale/);
    await page.goto(`${env.url}/espace/admin/recrutements`);
    await page
      .getByRole("table", { name: "À traiter" })
      .getByRole("button", { name: "Valider la rupture de Léa Fontaine" })
      .click();
    await expect
      .poll(() => page.getByRole("button", { name: "Valider la rupture de Léa Fontaine" }).count())
      .toBe(0);

    await incarner(/comme Gestionnaire du PIMMS/);
    await page.goto(`${env.url}/espace/structure/recrutements`);
    const postes = page.getByRole("table", { name: "Mes postes et leurs échéances" });
    await expect.poll(() => postes.getByText("À pourvoir").count()).toBeGreaterThan(0);
    expect(await postes.textContent()).toContain("2 avril 2026");
  });
});
