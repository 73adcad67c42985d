import { sql } from "drizzle-orm";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajouterJours, jourParis } from "../src/domain/temps.ts";
import { lignes } from "../src/server/db/client.ts";
import { genererEchelleNationale } from "../src/server/demo/echelle-nationale.ts";
import { connecterPersona } from "../src/server/test/plateforme.ts";
import { violationsGraves } from "./accessibilite.ts";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

/**
 * The generated country on top of the demo. `E2E_VOLUMES=nationaux` loads the programme's
 * national volumes (15,000 structures, 5,000 conseillers, 100,000 candidates; several minutes on
 * PGlite) to measure the pages as the ANCT will see them.
 */
const VOLUMES =
  process.env.E2E_VOLUMES === "nationaux"
    ? { structures: 15_000, conseillers: 5_000, candidats: 100_000, lieux: 20_000, cras: 50_000 }
    : { structures: 1_200, conseillers: 300, candidats: 300, lieux: 300, cras: 3_000 };

/** A page of a space must be usable: never taller than this at 1280×900 (issue's bound). */
const HAUTEUR_MAX = 8_000;

/**
 * Each role's space on volumes where unpaged lists would run for metres: the demo data plus a
 * generated country (1,200 structures, 300 conseillers with their contracts and reports, 300
 * candidates). From each home, a work queue or the navigation opens a filtered list, which
 * pages, sorts and exports through its address; every page stays short and axe-clean. The time
 * each page took to show its content is printed for the record (benchmarks prove speed, not
 * tests).
 */
describe("espaces à l'échelle dans Chromium", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let navigateur: Browser;
  let page: Page;
  const releves: string[] = [];

  beforeAll(async () => {
    env = await plateformeEcoutante();
    await genererEchelleNationale(env.plateforme.base.db, { volumes: VOLUMES });
    // A recruitment waiting for the ANCT's validation, declared and signed by the PIMMS on the
    // test clock.
    const { app, horloge } = env.plateforme;
    const cookie = await connecterPersona(
      env.plateforme,
      "structure.pimms@demo.conseiller-numerique.fr",
    );
    const vivier = await app.inject({
      url: "/api/structure/vivier?relation=a_traiter",
      headers: { cookie },
    });
    const candidatureId = vivier.json().candidats[0].id as string;
    await app.inject({
      method: "POST",
      url: `/api/structure/candidats/${candidatureId}/avis`,
      headers: { cookie },
      payload: { avis: "interesse" },
    });
    const debut = ajouterJours(jourParis(horloge.maintenant()), 14);
    const declaration = await app.inject({
      method: "POST",
      url: "/api/structure/recrutements",
      headers: { cookie },
      payload: {
        candidatureId,
        recrutement: {
          type: "cdd",
          dateDebut: debut,
          dateFin: ajouterJours(debut, 364),
          salaireBrutMensuelCents: 200_000,
        },
      },
    });
    expect(declaration.statusCode, declaration.body).toBe(201);
    const signature = await app.inject({
      method: "POST",
      url: `/api/structure/contrats/${declaration.json().contratId}/signature`,
      headers: { cookie },
      payload: { dateSignature: jourParis(horloge.maintenant()) },
    });
    expect(signature.statusCode, signature.body).toBeLessThan(300);
    navigateur = await lancerChromium();
    page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant(), {
      viewport: { width: 1280, height: 900 },
    });
  }, 1_800_000);
  afterAll(async () => {
    console.info(`Pages relevées (hauteur, contenu affiché) :\n${releves.join("\n")}`);
    await navigateur?.close();
    await env?.arreter();
  });

  /** Waits for the page's content, then checks its height and accessibility. */
  const verifier = async (nom: string, pret: Locator, debut = performance.now()) => {
    await pret.first().waitFor();
    const ms = performance.now() - debut;
    // The height once every block of the page has its data, not only the first one.
    await page.waitForLoadState("networkidle");
    const hauteur = await page.evaluate(() => document.documentElement.scrollHeight);
    releves.push(`${nom} : ${hauteur} px, ${Math.round(ms)} ms`);
    expect(hauteur, nom).toBeLessThanOrEqual(HAUTEUR_MAX);
    expect(await violationsGraves(page), nom).toEqual([]);
  };
  const incarner = async (libelle: RegExp) => {
    await page.goto(`${env.url}/demo/personas`);
    await page.getByRole("button", { name: libelle }).click();
    await page.waitForURL(/\/espace\//);
  };
  const nombreDe = async (lien: Locator) =>
    Number((await lien.textContent())!.match(/\(([\d\s\u202f]+)\)/)![1]!.replace(/\D/g, ""));
  const resume = (liste: Locator) => liste.getByText(/ — page \d+ sur \d+$/);

  /** The confirmation of a save has the focus and is inside the viewport. */
  const confirmationVue = async (texte: string) => {
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain(texte);
    expect(
      await page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
  };

  it("l'ANCT : accueil court, demandes paginées et triées par l'adresse, postes et contrats par file", async () => {
    const debut = performance.now();
    await incarner(/comme Administratrice nationale/);
    await verifier(
      "admin, accueil",
      page.getByRole("link", { name: /^Recrutements à valider \([\d\s\u202f]+\)$/ }),
      debut,
    );

    let t = performance.now();
    await page.getByRole("link", { name: "Demandes de postes" }).click();
    const demandes = page.getByRole("table", { name: /Demandes de postes/ });
    await verifier("admin, demandes", demandes.locator("tbody tr"), t);
    const section = page.locator("section", { has: demandes });
    const total = Number(
      (await resume(section).textContent())!
        .match(/^([\d\s\u202f]+) demandes/)![1]!
        .replace(/\D/g, ""),
    );
    expect(total).toBeGreaterThan(50);
    expect(await demandes.locator("tbody tr").count()).toBe(50);
    // The next page is a real address; the back button returns to the first.
    const premiere = await demandes.locator("tbody tr").first().textContent();
    t = performance.now();
    await page.getByRole("link", { name: "Page suivante" }).first().click();
    await page.waitForURL(/\/espace\/demandes\?page=2$/);
    await expect.poll(() => resume(section).textContent()).toMatch(/page 2 sur/);
    await verifier("admin, demandes page 2", demandes.locator("tbody tr"), t);
    expect(await demandes.locator("tbody tr").first().textContent()).not.toBe(premiere);
    await page.goBack();
    await page.waitForURL(/\/espace\/demandes$/);
    await expect.poll(() => resume(section).textContent()).toMatch(/page 1 sur/);
    // Sorted by structure on the server, the order in the URL: the first 50 in the base's order.
    await page.getByLabel("Ordre").selectOption("structure");
    await page.waitForURL(/tri=structure/);
    const attendus = (
      await lignes<{ nom: string }>(
        env.plateforme.base.db,
        sql`select s.nom from demande_postes d join structure s on s.id = d.structure_id
            order by s.nom, d.cree_le, d.id limit 50`,
      )
    ).map((l) => l.nom);
    await expect
      .poll(() => demandes.locator("tbody tr td:first-child").allTextContents())
      .toEqual(attendus);
    // The export takes the filters, not the page.
    await page.getByLabel("Statut").selectOption("acceptee");
    await page.waitForURL(/statut=acceptee/);
    const exportCsv = page.getByRole("link", { name: /Télécharger les demandes filtrées \(CSV\)/ });
    await expect
      .poll(() => exportCsv.getAttribute("href"))
      .toBe("/api/exports/demandes?format=csv&statut=acceptee");
    const csv = await page.evaluate(
      async (href) => (await fetch(href!)).text(),
      await exportCsv.getAttribute("href"),
    );
    const lignesCsv = csv.trim().split("\n").length - 1;
    const filtrees = Number(
      (await resume(section).textContent())!
        .match(/^([\d\s\u202f]+) demandes?/)![1]!
        .replace(/\D/g, ""),
    );
    expect(lignesCsv).toBe(filtrees);

    t = performance.now();
    await page.getByRole("link", { name: "Postes", exact: true }).click();
    const postes = page.getByRole("table", { name: /^Postes attribués/ });
    await verifier("admin, postes", postes.locator("tbody tr"), t);
    await page.getByRole("link", { name: "À pourvoir", exact: true }).click();
    await page.waitForURL(/file=a_pourvoir/);
    await expect
      .poll(async () =>
        (await postes.locator("tbody tr").allTextContents()).every((l) =>
          /À pourvoir|En retard/.test(l),
        ),
      )
      .toBe(true);
    // Sorted by structure on the server: the page holds the first 25 vacant posts in the
    // base's order of names.
    await page.getByLabel("Ordre").selectOption("structure");
    await page.waitForURL(/file=a_pourvoir&tri=structure/);
    const premiersPostes = (
      await lignes<{ nom: string }>(
        env.plateforme.base.db,
        sql`select s.nom from poste p join structure s on s.id = p.structure_id
            where p.statut = 'vacant' order by s.nom, p.date_attribution, p.id limit 25`,
      )
    ).map((l) => l.nom);
    await expect
      .poll(async () =>
        (await postes.locator("tbody tr td:first-child").allInnerTexts()).map(
          (t) => t.split("\n")[0],
        ),
      )
      .toEqual(premiersPostes);

    t = performance.now();
    await page.getByRole("link", { name: "Contrats", exact: true }).click();
    const contrats = page.getByRole("table", { name: "En cours et formation" });
    await verifier("admin, contrats", contrats.locator("tbody tr"), t);
    expect(await contrats.locator("tbody tr").count()).toBeLessThanOrEqual(20);

    t = performance.now();
    await page.getByRole("link", { name: "Structures", exact: true }).click();
    await verifier(
      "admin, structures",
      page.getByRole("table", { name: "Structures d'accueil" }).locator("tbody tr"),
      t,
    );

    t = performance.now();
    await page.getByRole("link", { name: "Recrutements et formation" }).click();
    await verifier("admin, recrutements", page.getByRole("table", { name: "À traiter" }), t);

    // From the home's queue, the ANCT validates the oldest recruitment: the decision is
    // confirmed with the focus, and the queue holds one less.
    await page.getByRole("link", { name: "Accueil", exact: true }).first().click();
    const file = page.getByRole("link", { name: /^Recrutements à valider \([\d\s\u202f]+\)$/ });
    const n = await nombreDe(file);
    expect(n).toBeGreaterThan(0);
    await file.click();
    await page.waitForURL(/vue=a_valider/);
    const valider = page.getByRole("button", { name: /^Valider le recrutement de / }).first();
    const qui = (await valider.getAttribute("aria-label"))!.replace(
      "Valider le recrutement de ",
      "",
    );
    await valider.click();
    await confirmationVue(`Recrutement de ${qui} validé.`);
    await expect
      .poll(() => page.getByText(/^[\d\s\u202f]+ contrats? — page/).textContent())
      .toMatch(new RegExp(`^${n - 1} contrats? `));

    // The periodic tasks: each one's last run, and a retry confirmed where the eyes are.
    t = performance.now();
    await page.getByRole("link", { name: "Tâches périodiques" }).first().click();
    const taches = page.getByRole("table", {
      name: "Tâches périodiques et leur dernière exécution",
    });
    await verifier("admin, tâches", taches.locator("tbody tr"), t);
    await taches.getByRole("button", { name: /^Relancer : Ménage/ }).click();
    await confirmationVue("exécutée.");
    await expect
      .poll(() => taches.locator("tbody tr").first().textContent())
      .not.toContain("Jamais");
  }, 120_000);

  it("la préfecture : la file « Demandes à examiner » mène à la liste filtrée du même compte", async () => {
    const debut = performance.now();
    await incarner(/comme Préfecture du Pas-de-Calais/);
    const file = page.getByRole("link", { name: /^Demandes à examiner \([\d\s\u202f]+\)$/ });
    await verifier("préfet, accueil", file, debut);
    const n = await nombreDe(file);
    const t = performance.now();
    await file.click();
    await page.waitForURL(/statut=deposee&avis=sans/);
    const section = page.locator("section", {
      has: page.getByRole("table", { name: /Demandes de postes/ }),
    });
    await verifier("préfet, demandes à examiner", resume(section), t);
    expect(await resume(section).textContent()).toMatch(new RegExp(`^${n} demandes? `));
    // The préfet acts on the oldest request: the opinion is confirmed where the eyes are, with
    // the focus, and the next one is a click away; the queue then holds one request less.
    expect(n).toBeGreaterThan(0);
    await section.locator("tbody tr").first().getByRole("link").click();
    await page.waitForURL(/\/espace\/demandes\/[0-9a-f-]+$/);
    await page.getByText("Favorable", { exact: true }).click();
    await page.getByLabel("Commentaire").fill("Projet cohérent avec le schéma départemental.");
    await page.getByRole("button", { name: "Enregistrer l'avis" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Avis favorable enregistré");
    expect(
      await page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    await verifier("préfet, demande avisée", page.getByText("Avis favorable enregistré"));
    await page.getByRole("link", { name: "Examiner la demande suivante" }).click();
    await expect
      .poll(() => resume(section).textContent())
      .toMatch(new RegExp(`^${n - 1} demandes? `));
    await page.getByRole("link", { name: "Contrats", exact: true }).click();
    await verifier("préfet, contrats", page.getByRole("table", { name: "En cours et formation" }));
    // The site map lists the pages of the active space, as its navigation does.
    await page.goto(`${env.url}/plan-du-site`);
    await verifier(
      "plan du site (préfet)",
      page.getByRole("main").getByRole("link", { name: "Contrats" }),
    );
  }, 60_000);

  it("la structure, le financeur, la coordinatrice et la conseillère : chaque file compte ce qu'elle ouvre, se trie, s'exporte, et l'on y agit", async () => {
    /** Each role's queue, the order it tries on the list, the export's link, and its action. */
    const cas: [RegExp, RegExp, string, string, RegExp, (() => Promise<void>) | null][] = [
      [
        /comme Gestionnaire du PIMMS/,
        /^Postes à pourvoir \([\d\s\u202f]+\)$/,
        "structure",
        "attribution",
        /^Télécharger les postes filtrés \(CSV\)$/,
        async () => {
          // From its posts to its pool: "Intéressé" is confirmed where the eyes are.
          await page.getByRole("link", { name: "Vivier de candidats" }).click();
          const bouton = page.getByRole("button", { name: /^Intéressé par / }).first();
          await verifier("structure, vivier", bouton);
          await bouton.click();
          await confirmationVue("Intéressé");
        },
      ],
      [
        /comme Banque des Territoires/,
        /^Versements dus aujourd'hui \([\d\s\u202f]+\)$/,
        "financeur",
        "du",
        /^Grand livre filtré pour la comptabilité \(CSV\)$/,
        async () => {
          // The largest amount due first: pay it, the confirmation takes the focus.
          await page.getByRole("button", { name: "Enregistrer un versement" }).first().click();
          await page.getByLabel("Référence bancaire").fill("VIR-2026-0001");
          await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
          await confirmationVue("Versement enregistré.");
        },
      ],
      [
        /comme Coordinatrice du Pas-de-Calais/,
        /^Conseillers sans compte rendu depuis 30 jours \([\d\s\u202f]+\)$/,
        "coordinatrice",
        "silence",
        /^Télécharger le suivi filtré \(CSV\)$/,
        null,
      ],
      [
        /comme Conseillère numérique au PIMMS/,
        /^Mes comptes rendus de la semaine \([\d\s\u202f]+\)$/,
        "conseillère",
        "duree",
        /^Comptes rendus filtrés, du plus ancien au plus récent \(CSV\)$/,
        async () => {
          // A report recorded, then duplicated from her list: each save is confirmed with the
          // focus, inside the viewport.
          await page
            .getByRole("link", { name: "Nouveau compte rendu", exact: true })
            .first()
            .click();
          await page.getByText("Accompagnement individuel", { exact: true }).click();
          await page.getByText("30 min", { exact: true }).click();
          const lieu = page.getByLabel("Votre lieu d'activité");
          await expect.poll(() => lieu.locator("option").count()).toBeGreaterThan(1);
          await lieu.selectOption({ index: 1 });
          await page.getByText("Oui", { exact: true }).click();
          await page.getByText("Prendre en main du matériel", { exact: false }).first().click();
          await page.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
          await confirmationVue("Compte rendu enregistré");
          await page.getByRole("link", { name: "Mes comptes rendus", exact: true }).first().click();
          await page.getByRole("link", { name: "Dupliquer" }).first().click();
          await page.getByRole("button", { name: "Enregistrer la copie" }).click();
          await confirmationVue("Copie du compte rendu enregistrée");
          await verifier(
            "conseillère, copie enregistrée",
            page.getByRole("link", { name: "Voir mes comptes rendus" }),
          );
        },
      ],
    ];
    for (const [persona, nomFile, qui, tri, lienExport, agir] of cas) {
      const debut = performance.now();
      await incarner(persona);
      const file = page.getByRole("link", { name: nomFile });
      await verifier(`${qui}, accueil`, file, debut);
      const n = await nombreDe(file);
      const t = performance.now();
      await file.click();
      const compte = page.getByText(
        /^[\d\s\u202f]+ (postes?|conseillers? sous contrat|comptes? rendus?)\b.* — page \d+ sur \d+$/,
      );
      await verifier(`${qui}, file`, compte, t);
      const nombre = async () =>
        Number((await compte.textContent())!.match(/^([\d\s\u202f]+) /)![1]!.replace(/\D/g, ""));
      expect(await nombre(), qui).toBe(n);
      // A list of several pages turns its page by its address.
      if (!/page 1 sur 1$/.test((await compte.textContent())!)) {
        await page.getByRole("link", { name: "Page suivante" }).first().click();
        await page.waitForURL(/page=2/);
        await expect.poll(() => compte.textContent()).toMatch(/page 2 sur/);
        await page.goBack();
        await expect.poll(() => compte.textContent()).toMatch(/page 1 sur/);
      }
      // Sorted on the server, the order in the address; the same count.
      await page.getByLabel("Ordre").selectOption(tri);
      await page.waitForURL(new RegExp(`tri=${tri}`));
      await verifier(`${qui}, file triée`, compte);
      expect(await nombre(), qui).toBe(n);
      // The export holds the whole filtered set, row for row.
      const href = await page.getByRole("link", { name: lienExport }).getAttribute("href");
      expect(href, qui).toMatch(/format=csv&/);
      const csv = await page.evaluate(async (h) => (await fetch(h!)).text(), href);
      expect(csv.trim().split("\r\n").length - 1, `${qui} ${href}`).toBe(n);
      if (agir) await agir();
    }
    for (const [persona, qui] of [
      [/comme Hub Les Assembleurs/, "hub"],
      [/comme Grand réseau Emmaüs Connect/, "grand réseau"],
    ] as const) {
      const debut = performance.now();
      await incarner(persona);
      await verifier(
        `${qui}, accueil`,
        page.getByRole("link", { name: /^Postes à pourvoir \([\d\s\u202f]+\)$/ }),
        debut,
      );
    }
  }, 180_000);
});
