import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chargerPasDeCalais } from "../src/server/demo/pas-de-calais.ts";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("tableaux de bord dans Chromium", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let navigateur: Browser;
  let page: Page;

  beforeAll(async () => {
    env = await plateformeEcoutante();
    // The committee's decisions for the Pas-de-Calais, loaded as an operator would.
    await chargerPasDeCalais(env.plateforme.base.db, env.plateforme.horloge.maintenant());
    navigateur = await lancerChromium();
    // Seven journeys on one page: a loaded machine gets more time than a single journey.
    page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant(), { delaiMs: 20_000 });
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
  const tableau = () => page.getByRole("table", { name: "Indicateurs par territoire" });
  const territoires = async () =>
    (await tableau().locator("tbody th").allTextContents()).map((t) => t.trim());

  it("l'ANCT descend des régions aux arrondissements, trie et revient", async () => {
    await incarner(/comme Administratrice nationale/);
    await expect.poll(() => tableau().locator("tbody tr").count()).toBeGreaterThan(10);
    expect(await violationsGraves(page)).toEqual([]);
    await tableau().getByRole("button", { name: "Hauts-de-France (32)" }).click();
    await expect.poll(territoires).toContain("Pas-de-Calais (62)");
    expect(await territoires()).not.toContain("Gironde (33)");
    await tableau().getByRole("button", { name: "Pas-de-Calais (62)" }).click();
    await expect.poll(territoires).toContain("Lens (627)");
    const lens = tableau().getByRole("row").filter({ hasText: "Lens (627)" });
    // Recrutés 1: the demo conseillère of the PIMMS.
    expect((await lens.getByRole("cell").allTextContents())[1]).toBe("1");
    const bethune = tableau().getByRole("row").filter({ hasText: "Béthune (622)" });
    expect((await bethune.getByRole("cell").allTextContents())[0]).toBe("10");
    await tableau().getByRole("button", { name: "Dotation" }).click();
    await expect
      .poll(() => tableau().locator("th", { hasText: "Dotation" }).getAttribute("aria-sort"))
      .toBe("descending");
    expect((await territoires())[0]).toBe("Lens (627)");
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByRole("button", { name: "Revenir au niveau supérieur" }).click();
    await expect.poll(territoires).toContain("Pas-de-Calais (62)");
  });

  it("l'ANCT lit l'enveloppe nationale par région puis par département", async () => {
    await page.getByRole("link", { name: "Enveloppe budgétaire" }).click();
    const enveloppe = page.getByRole("table", { name: "Enveloppe par région" });
    await expect.poll(() => enveloppe.locator("tbody tr").count()).toBeGreaterThan(10);
    expect(await page.getByText(/Enveloppe de 200\s000\s000/).count()).toBe(1);
    await enveloppe.getByRole("button", { name: "Hauts-de-France (32)" }).click();
    const parDepartement = page.getByRole("table", { name: /Enveloppe par département/ });
    const pdc = parDepartement.getByRole("row").filter({ hasText: "Pas-de-Calais (62)" });
    // 3 demo posts of the PIMMS and the 66 posts of the committee's decisions, 62 in 62 + Emmaüs 3.
    await expect.poll(async () => (await pdc.getByRole("cell").allTextContents())[0]).toBe("68");
    expect(await violationsGraves(page)).toEqual([]);
  });

  it("la préfecture du Nord ne voit que ses arrondissements, sans les postes du Pas-de-Calais", async () => {
    await incarner(/comme Préfecture du Nord/);
    await expect.poll(() => tableau().locator("tbody tr").count()).toBeGreaterThan(0);
    const noms = await territoires();
    expect(noms).toContain("Lille (595)");
    expect(noms.some((n) => n.includes("Lens"))).toBe(false);
    const lien = page.getByRole("link", { name: /lieux d'activité du territoire/ });
    await expect.poll(() => lien.getAttribute("href")).toMatch(/^\/carte\?departements=59/);
    expect(await violationsGraves(page)).toEqual([]);
  });

  it("la structure lit ses postes, sa subvention et l'activité de sa conseillère, sans pouvoir verser", async () => {
    await incarner(/comme Gestionnaire du PIMMS/);
    const chiffres = page.getByRole("region", { name: "Tableau de bord de la structure" });
    await expect
      .poll(() => chiffres.getByText("Postes attribués", { exact: true }).count())
      .toBe(1);
    const postes = chiffres
      .locator("dt", { hasText: /^Postes attribués$/ })
      .locator("xpath=following-sibling::dd[1]");
    expect(await postes.textContent()).toBe("3");
    // Its key figures over 12 months: a chart and, one click below, its data table ending
    // today with the same three posts.
    const tendance = chiffres.getByRole("region", { name: "Sur les 12 derniers mois" });
    await tendance.getByText(/^Tableau des données : postes attribués/).click();
    const mois = tendance.getByRole("table", { name: /^Postes attribués \(cumul\)/ });
    expect(await mois.locator("tbody tr").count()).toBe(12);
    expect(await mois.locator("tbody tr").last().locator("td").first().textContent()).toBe("3");
    await page.getByRole("link", { name: "Mes conseillers" }).click();
    const suivi = page.getByRole("table", { name: /conseillers? sous contrat/ });
    await expect.poll(() => suivi.getByRole("row").count()).toBe(2);
    expect(await suivi.getByRole("row").nth(1).textContent()).toContain("En cours");
    expect(await violationsGraves(page)).toEqual([]);
    await page.getByRole("link", { name: "Subvention", exact: true }).click();
    const subvention = page.getByRole("table", { name: /^Postes : par structure/ });
    await expect.poll(() => subvention.getByRole("row").count()).toBe(4);
    expect(await page.getByRole("button", { name: "Enregistrer un versement" }).count()).toBe(0);
    expect(await violationsGraves(page)).toEqual([]);
  });

  it("la préfète ouvre la carte de son territoire, centrée sur ses lieux", async () => {
    await incarner(/comme Préfecture du Pas-de-Calais/);
    const lien = page.getByRole("link", { name: /lieux d'activité du territoire/ });
    await expect.poll(() => lien.getAttribute("href")).toMatch(/lat=/);
    await lien.click();
    await page.waitForURL(/\/carte\?departements=62/);
    const liste = page.getByRole("list", { name: "Lieux, du plus proche au plus lointain" });
    await expect.poll(() => liste.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await liste.textContent()).toMatch(/Béthune|Lens|Lillers|Arras/);
  });

  it("la préfète coupe son récapitulatif quotidien, l'ANCT voit les courriels et leur état", async () => {
    await incarner(/comme Préfecture du Pas-de-Calais/);
    await page.getByRole("link", { name: "Mes notifications" }).click();
    await page.waitForURL(/\/espace\/notifications/);
    const interrupteur = page.getByRole("checkbox", {
      name: /Récapitulatif quotidien de la préfecture/,
    });
    await expect.poll(() => interrupteur.isChecked()).toBe(true);
    await interrupteur.uncheck({ force: true });
    await page.getByRole("button", { name: "Enregistrer mes choix" }).click();
    await expect.poll(() => page.getByText("Vos choix sont enregistrés.").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => interrupteur.isChecked()).toBe(false);

    await incarner(/comme Administratrice nationale/);
    await page.getByRole("link", { name: /Courriels envoyés/ }).click();
    await page.waitForURL(/\/espace\/admin\/courriels/);
    const table = page.getByRole("table", { name: /courriels?, du plus récent/ });
    await expect.poll(() => table.locator("tbody tr").count()).toBeGreaterThan(0);
    // The committee's decisions mailed the structures (loaded without a mail server here):
    // each row says where its mail stands.
    expect(await table.getByText("Consigné (pas de serveur d'envoi)").count()).toBeGreaterThan(0);
    await page.getByLabel("État de remise").selectOption("echec");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(0);
    expect(await violationsGraves(page)).toEqual([]);
  });

  it("hub, grand réseau et coordinatrice lisent leur territoire, leur réseau, leurs conseillers", async () => {
    await incarner(/comme Hub Les Assembleurs/);
    await expect
      .poll(territoires)
      .toEqual(["Aisne (02)", "Nord (59)", "Oise (60)", "Pas-de-Calais (62)", "Somme (80)"]);
    expect(await violationsGraves(page)).toEqual([]);

    await incarner(/comme Grand réseau Emmaüs Connect/);
    // Its network holds posts in the Pas-de-Calais only (the national agreement's three).
    await expect.poll(territoires).toEqual(["Pas-de-Calais (62)"]);
    const pdc = tableau().getByRole("row").filter({ hasText: "Pas-de-Calais (62)" });
    expect((await pdc.getByRole("cell").allTextContents())[0]).toBe("3");

    await incarner(/comme Coordinatrice du Pas-de-Calais/);
    // Its home: its queue and its figures, not a table by territory.
    await expect
      .poll(() => page.getByRole("link", { name: /^Conseillers sans compte rendu/ }).count())
      .toBe(1);
    expect(await tableau().count()).toBe(0);
    await page.getByRole("link", { name: "Conseillers", exact: true }).click();
    const suivis = page.getByRole("table", { name: /conseillers? sous contrat/ });
    await expect.poll(() => suivis.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await suivis.locator("tbody").textContent()).toContain("PIMMS");
    expect(await violationsGraves(page)).toEqual([]);
  });

  it("la préfète choisit la période d'activité, et une période à l'envers est refusée en clair", async () => {
    await incarner(/comme Préfecture du Pas-de-Calais/);
    const periode = page.getByRole("form", { name: "Période d'activité" });
    await periode.getByLabel("Activité du").fill("2026-02-01");
    await periode.getByLabel("au", { exact: true }).fill("2026-01-01");
    await periode.getByRole("button", { name: "Appliquer la période" }).click();
    await expect
      .poll(() => page.getByText("La fin de la période doit suivre son début.").count())
      .toBe(1);
    await periode.getByLabel("au", { exact: true }).fill("2026-02-28");
    await periode.getByRole("button", { name: "Appliquer la période" }).click();
    await expect
      .poll(() =>
        page.getByRole("heading", { name: "Activité du 01/02/2026 au 28/02/2026" }).count(),
      )
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
  });
});
