import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distanceKm } from "../src/domain/recrutement/matching.ts";
import { violationsGraves } from "./accessibilite.ts";
import { choisirCommune } from "./commune.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

describe("carte publique dans Chromium", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let navigateur: Browser;
  let page: Page;

  beforeAll(async () => {
    env = await plateformeEcoutante();
    navigateur = await lancerChromium();
    // A visitor standing in front of Béthune's town hall, who lets the site know where she is.
    page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant(), {
      geolocation: { latitude: 50.5297, longitude: 2.6403 },
      permissions: ["geolocation"],
      locale: "fr-FR",
    });
  });
  afterAll(async () => {
    await navigateur?.close();
    await env?.arreter();
  });

  it("trouve le lieu le plus proche de Béthune, sa fiche, puis les lieux autour de soi", async () => {
    await page.goto(`${env.url}/carte`);
    await page.getByLabel("Adresse, commune ou code postal").fill("Béthune");
    await page.getByRole("button", { name: "Rechercher" }).click();
    const liste = page.getByRole("list", { name: "Lieux, du plus proche au plus lointain" });
    await expect.poll(() => liste.getByRole("listitem").count()).toBeGreaterThan(0);
    const premier = liste.getByRole("listitem").first();
    expect(await premier.textContent()).toContain("Béthune");
    expect(await premier.textContent()).toMatch(/à \d+(,\d)? km/);
    expect(page.url()).toContain("q=B%C3%A9thune");
    expect(await violationsGraves(page)).toEqual([]);

    // Free places only: the filter goes into the URL, so the link can be shared.
    await page.getByRole("button", { name: "Filtrer les lieux" }).click();
    await page.getByText("Gratuit", { exact: true }).click();
    await expect.poll(() => page.url()).toContain("gratuit=1");
    await expect.poll(() => liste.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await violationsGraves(page)).toEqual([]);

    const nom = (await premier.getByRole("link").textContent())!;
    await premier.getByRole("link").click();
    await page.waitForURL(/\/lieux\//);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(nom);
    expect(await page.getByRole("link", { name: "Itinéraire" }).getAttribute("href")).toContain(
      "openstreetmap.org/directions",
    );
    expect(await page.getByRole("table").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
    // Wrong hours: she says so from the page.
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect.poll(() => page.getByText(/10 caractères au moins/).count()).toBeGreaterThan(0);
    await page.getByLabel("Qu'est-ce qui est inexact ?").fill("Le lieu ferme à 17 h le mercredi.");
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect.poll(() => page.getByText("Merci, votre signalement est envoyé").count()).toBe(1);

    // The same search from the visitor's own position.
    await page.goto(`${env.url}/carte`);
    await page.getByRole("button", { name: "Autour de moi" }).click();
    await expect.poll(() => liste.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await page.getByRole("heading", { level: 2, name: /Ma position/ }).count()).toBe(1);
    const distance = await liste.getByRole("listitem").first().textContent();
    expect(distance).toMatch(/à 0(,\d)? km|à 1(,\d)? km/);
  });

  it("trouve chaque commune où elle est, dit la vraie distance et le lieu le plus proche au-delà", async () => {
    const champ = page.getByLabel("Adresse, commune ou code postal");
    const chercher = async (q: string) => {
      await page.goto(`${env.url}/carte`);
      await champ.fill(q);
      await page.getByRole("button", { name: "Rechercher" }).click();
      await expect
        .poll(() => new URL(page.url()).searchParams.get("lat"), { message: q })
        .not.toBeNull();
      return new URL(page.url()).searchParams;
    };
    /** The first place shown, its distance as written, and the distance from its coordinates. */
    const premiereDistance = async (point: URLSearchParams) => {
      const carte = page.getByRole("listitem").filter({ hasText: / km/ }).first();
      await expect.poll(() => carte.count()).toBe(1);
      const texte = (await carte.textContent()) ?? "";
      const ecrite = Number(/à (\d+(?:,\d)?) km/.exec(texte)![1]!.replace(",", "."));
      const lien = (await carte.getByRole("link").first().getAttribute("href"))!;
      const lieu = await (await page.request.get(`${env.url}/api/v1${lien}`)).json();
      const origine = { latitude: Number(point.get("lat")), longitude: Number(point.get("lon")) };
      return { ecrite, vraie: distanceKm(origine, lieu) };
    };

    // Calais is 64 km from Béthune: its own point, never the demo territory's.
    const calais = await chercher("calais");
    expect(calais.get("q")).toBe("Calais (62)");
    expect(
      distanceKm(
        { latitude: Number(calais.get("lat")), longitude: Number(calais.get("lon")) },
        { latitude: 50.9513, longitude: 1.8587 },
      ),
    ).toBeLessThan(5);
    const { ecrite, vraie } = await premiereDistance(calais);
    expect(Math.abs(ecrite - vraie)).toBeLessThanOrEqual(0.1);

    for (const [q, attendu] of [
      ["bethune", "Béthune (62)"],
      ["Gueret", "Guéret (23)"],
      ["St Etienne", "Saint-Étienne (42)"],
      ["Paris", "Paris (75)"],
      ["69001", "Lyon (69)"],
    ] as const)
      expect((await chercher(q)).get("q"), q).toBe(attendu);

    // Nothing within 20 km of Lyon in the demo: it says so and names the nearest place.
    const lyon = await chercher("Lyon");
    await expect
      .poll(() =>
        page.getByText(/Aucun lieu à moins de 20 km de Lyon \(69\).*Le plus proche est/).count(),
      )
      .toBe(1);
    const auDela = await premiereDistance(lyon);
    expect(auDela.ecrite).toBeGreaterThan(20);
    expect(Math.abs(auDela.ecrite - auDela.vraie)).toBeLessThanOrEqual(0.1);
    expect(await violationsGraves(page)).toEqual([]);

    // A keyboard user picks a suggestion: type, arrow down, Enter.
    await page.goto(`${env.url}/carte`);
    await choisirCommune(page, /^Adresse, commune ou code postal/, "bethu", /^Béthune \(62\)/);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("Béthune (62)");
    expect(await violationsGraves(page)).toEqual([]);

    // A new search clears the previous answer before giving its own.
    await champ.fill("zzqxw");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect
      .poll(() => page.getByText(/Aucun lieu connu ne correspond à « zzqxw »/).count())
      .toBe(1);
    expect(await page.getByText(/Le plus proche est/).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get("lat")).toBeNull();
  });

  it("charge la carte, l'intégration et une fiche sans erreur dans la console", async () => {
    const erreurs: string[] = [];
    const ecouter = (p: Page) => {
      p.on("console", (m) => {
        if (m.type() === "error") erreurs.push(`${p.url()} : ${m.text()}`);
      });
      p.on("pageerror", (e) => erreurs.push(`${p.url()} : ${e.message}`));
      p.on("response", (r) => {
        if (r.status() >= 400) erreurs.push(`${r.status()} ${r.url()}`);
      });
    };
    const vierge = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant(), {
      locale: "fr-FR",
    });
    ecouter(vierge);
    for (const chemin of ["/carte?lat=50.5303&lon=2.6408&q=B%C3%A9thune", "/integration/carte"]) {
      // Without a tile server the background is the régions' and départements' outlines.
      const contours = vierge.waitForResponse((r) =>
        r.url().endsWith("/carte/contours-france.geojson"),
      );
      await vierge.goto(`${env.url}${chemin}`);
      const reponse = await contours;
      expect(reponse.status()).toBe(200);
      const { features } = (await reponse.json()) as {
        features: { properties: { nature: string } }[];
      };
      expect(features.filter((f) => f.properties.nature === "departement")).toHaveLength(101);
      // The map is drawn by MapLibre's worker: its bubbles appear only once it runs.
      await expect
        .poll(() => vierge.locator(".maplibregl-canvas").count(), { timeout: 15_000 })
        .toBe(1);
      await vierge.waitForLoadState("networkidle");
    }
    await vierge.goto(`${env.url}/carte?lat=50.5303&lon=2.6408&q=B%C3%A9thune`);
    const fiche = vierge.getByRole("list", { name: "Lieux, du plus proche au plus lointain" });
    await expect.poll(() => fiche.getByRole("link").count()).toBeGreaterThan(0);
    await fiche.getByRole("link").first().click();
    await vierge.waitForURL(/\/lieux\//);
    await vierge.waitForLoadState("networkidle");
    await vierge.close();
    expect(erreurs).toEqual([]);
  });

  it("montre les régions puis les départements sur la carte, au clavier", async () => {
    await page.goto(`${env.url}/carte`);
    const bulles = page.getByRole("button", { name: /lieux.*agrandir/ });
    await expect.poll(() => bulles.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const regions = await bulles.count();
    // Hauts-de-France holds most demo places: its bubble, reached with the keyboard.
    const plusGrande = bulles.first();
    await plusGrande.focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await bulles.allTextContents()).length, { timeout: 15_000 })
      .not.toBe(regions);
    expect(await violationsGraves(page)).toEqual([]);
  });

  it("importe un fichier de lieux depuis l'espace de l'ANCT et le retrouve sur la carte", async () => {
    await page.goto(`${env.url}/demo/personas`);
    await page.getByRole("button", { name: /comme Administratrice nationale/ }).click();
    await page.waitForURL(/\/espace\//);
    await page.getByRole("link", { name: "Appels, comités et imports" }).click();
    const section = page.getByRole("region", { name: "Importer des lieux de médiation numérique" });
    await section.getByLabel("Fichier de lieux").setInputFiles({
      name: "lieux.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          "id,pivot,nom,commune,code_postal,code_insee,adresse,latitude,longitude,services,date_maj",
          "a1,21620119000013,Tiers-lieu du Beffroi,Béthune,62400,62119,1 Grand Place,50.5298,2.6405,Loisirs et créations numériques,2026-11-01",
          "a2,21620119000013,Tiers lieu du Beffroi,Béthune,62400,62119,1 Grand'Place,50.5298,2.6406,Compréhension du monde numérique,2026-11-02",
        ].join("\n"),
      ),
    });
    await section.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect.poll(() => section.getByText(/1 lieu nouveau/).count()).toBe(1);
    expect(await section.getByText(/1 doublon du fichier/).count()).toBe(1);
    await section.getByRole("button", { name: "Importer les lieux" }).click();
    await expect.poll(() => section.getByText("Lieux importés").count()).toBe(1);
    expect(await violationsGraves(page)).toEqual([]);

    await page.goto(`${env.url}/carte?lat=50.5298&lon=2.6405&q=Grand-Place&rayon=5`);
    const liste = page.getByRole("list", { name: "Lieux, du plus proche au plus lointain" });
    await expect
      .poll(async () => (await liste.getByRole("listitem").first().textContent()) ?? "")
      .toContain("Tiers lieu du Beffroi");
  });

  it("s'intègre dans le site d'une collectivité, limitée à son département", async () => {
    const entetes = (await page.request.get(`${env.url}/integration/carte`)).headers();
    expect(entetes["content-security-policy"]).toContain("frame-ancestors *");
    expect(entetes["x-frame-options"]).toBeUndefined();
    const ailleurs = (await page.request.get(`${env.url}/carte`)).headers();
    expect(ailleurs["content-security-policy"]).toContain("frame-ancestors 'none'");

    await page.goto(`${env.url}/carte`);
    await page.getByRole("button", { name: "Intégrer cette recherche sur votre site" }).click();
    await page.getByLabel("Limiter aux lieux d'un département (facultatif)").selectOption("59");
    const code = await page.getByLabel("Code à copier dans votre page").inputValue();
    expect(code).toMatch(/^<iframe src=".*\/integration\/carte\?departements=59"/);

    await page.goto(`${env.url}/integration/carte?departements=59&rayon=50`);
    expect(await page.getByRole("banner").count()).toBe(0);
    await page.getByLabel("Adresse, commune ou code postal").fill("Béthune");
    await page.getByRole("button", { name: "Rechercher" }).click();
    const liste = page.getByRole("list", { name: "Lieux, du plus proche au plus lointain" });
    await expect.poll(() => liste.getByRole("listitem").count()).toBeGreaterThan(0);
    const textes = await liste.getByRole("listitem").allTextContents();
    expect(textes.some((t) => t.includes("Béthune"))).toBe(false);
    expect(await violationsGraves(page)).toEqual([]);
  });

  it("présente les données ouvertes avec leur date et leur dictionnaire", async () => {
    await page.goto(`${env.url}/donnees-ouvertes`);
    const lien = page.getByRole("link", { name: "Lieux de médiation numérique – CSV" });
    await expect.poll(() => lien.count()).toBe(1);
    const reponse = await page.request.get(`${env.url}${await lien.getAttribute("href")}`);
    expect(reponse.status()).toBe(200);
    expect((await reponse.text()).split("\r\n")[0]).toMatch(/^id,pivot,nom,commune,code_postal/);
    await page.getByRole("button", { name: /Dictionnaire des données : Lieux/ }).click();
    await expect
      .poll(() => page.getByRole("table", { name: /Colonnes de « Lieux/ }).count())
      .toBe(1);
    expect(await violationsGraves(page)).toEqual([]);
  });
});
