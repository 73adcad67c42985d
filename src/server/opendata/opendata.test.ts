import { fromSchemaLieuDeMediationNumerique } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lignes } from "../db/client.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { genererDonneesOuvertes, genererDonneesOuvertesSiPerimees } from "./generation.ts";
import { CHAMPS_STANDARD } from "./lieux-standard.ts";

describe.each(BASES_DE_TEST)("données ouvertes sur %s", (type) => {
  let p: PlateformeDeTest;
  let atelierId: string;
  let lieuId: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    // One workshop of 9 people in Lens, so that the activity files are not empty.
    const cookie = await connecterPersona(p, "conseiller@demo.conseiller-numerique.fr");
    const [lieu] = (
      await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie } })
    ).json();
    const r = await p.app.inject({
      method: "POST",
      url: "/api/cra",
      headers: { cookie },
      payload: {
        type: "collectif",
        date: "2026-02-20",
        dureeMinutes: 90,
        typeLieu: "lieu_activite",
        lieuId: lieu.id,
        nbParticipants: 9,
        thematiques: ["email"],
        titreAtelier: "Ma messagerie",
        niveau: "debutant",
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    // One workshop announced for 30 March, after the change to summer time: 10:00 in Paris.
    const annonce = await p.app.inject({
      method: "POST",
      url: "/api/ateliers",
      headers: { cookie },
      payload: {
        titre: "Sécuriser son téléphone",
        thematiques: ["securite_numerique", "prendre_en_main_du_materiel"],
        niveau: "debutant",
        lieuId: lieu.id,
        jour: "2026-03-30",
        heure: "10:00",
        dureeMinutes: 120,
        capacite: 12,
        gratuit: true,
      },
    });
    expect(annonce.statusCode, annonce.body).toBe(201);
    atelierId = annonce.json().id;
    lieuId = lieu.id;
    await genererDonneesOuvertes(p.base.db, p.horloge.maintenant());
  });
  afterAll(() => p.arreter());

  const fichier = (nom: string, entetes: Record<string, string> = {}) =>
    p.app.inject({ url: `/donnees/${nom}`, headers: entetes });

  it("publie la liste datée des ateliers annoncés, à l'heure de Paris, sans personne inscrite", async () => {
    const json = (await fichier("ateliers.json")).json();
    expect(json.donnees).toEqual([
      {
        id: atelierId,
        jour: "2026-03-30",
        heure: "10:00",
        duree_minutes: 120,
        titre: "Sécuriser son téléphone",
        thematiques: "securite_numerique|prendre_en_main_du_materiel",
        niveau: "debutant",
        capacite: 12,
        gratuit: "oui",
        lieu_id: lieuId,
        lieu: expect.any(String),
        commune_code: expect.stringMatching(/^\d{5}$/),
        departement_code: "62",
      },
    ]);
  });

  it("publie chaque lieu visible au standard, validé par la bibliothèque du standard", async () => {
    const json = (await fichier("lieux.json")).json() as Record<string, unknown>[];
    const [n] = await lignes<{ n: number }>(
      p.base.db,
      sql`select count(*)::int as n from lieu where visible_carte`,
    );
    expect(json).toHaveLength(n!.n);
    for (const l of json)
      expect(() => fromSchemaLieuDeMediationNumerique(l as never)).not.toThrow();
    expect(
      json.some((l) =>
        String(l.dispositif_programmes_nationaux).includes("Conseillers numériques"),
      ),
    ).toBe(true);

    const csv = (await fichier("lieux.csv")).body;
    const lus = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(lus[0]!)).toEqual([...CHAMPS_STANDARD]);
    expect(lus).toHaveLength(n!.n);
    for (const l of lus) {
      const ligne = Object.fromEntries(
        Object.entries(l)
          .filter(([, v]) => v !== "")
          .map(([k, v]) => [k, k === "latitude" || k === "longitude" ? Number(v) : v]),
      );
      expect(() => fromSchemaLieuDeMediationNumerique(ligne as never)).not.toThrow();
    }
    expect(lus.some((l) => l.services!.includes("|"))).toBe(true);
  });

  it("n'écrit aucune cellule qui lancerait une formule, et le fichier reste au standard", async () => {
    const piege = '=HYPERLINK("http://pirate.example","Cliquez")';
    const [l] = await lignes<{ id: string }>(
      p.base.db,
      sql`update lieu set nom = ${piege}, presentation_resume = '@SUM(1+1)'
          where id = (select id from lieu where visible_carte order by nom limit 1)
          returning id`,
    );
    expect(l).toBeDefined();
    await genererDonneesOuvertes(p.base.db, p.horloge.maintenant());
    const lus = parse((await fichier("lieux.csv")).body, { columns: true }) as Record<
      string,
      string
    >[];
    expect(lus.length).toBeGreaterThan(0);
    const cellules = lus.flatMap((x) => Object.values(x));
    expect(
      cellules.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+([.,]\d+)?$/.test(c)),
    ).toEqual([]);
    const piegee = lus.find((x) => x.id === l!.id)!;
    expect(piegee.nom).toBe(`'${piege}`);
    expect(piegee.presentation_resume).toBe("'@SUM(1+1)");
    const ligne = Object.fromEntries(
      Object.entries(piegee)
        .filter(([, v]) => v !== "")
        .map(([k, v]) => [k, k === "latitude" || k === "longitude" ? Number(v) : v]),
    );
    expect(() => fromSchemaLieuDeMediationNumerique(ligne as never)).not.toThrow();
    for (const jeu of ["activite-mensuelle-departement", "postes-structures"]) {
      const corps = (await fichier(`${jeu}.csv`)).body;
      for (const c of (parse(corps) as string[][]).flat())
        expect(/^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+([.,]\d+)?$/.test(c), `${jeu} : ${c}`).toBe(
          false,
        );
    }
  });

  it("sert chaque fichier avec son ETag et répond 304 quand il n'a pas changé", async () => {
    const r = await fichier("activite-nationale.csv");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-disposition"]).toMatch(/activite-nationale_\d{4}-\d{2}-\d{2}\.csv/);
    const etag = r.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const encore = await fichier("activite-nationale.csv", { "if-none-match": etag });
    expect(encore.statusCode).toBe(304);
    expect(encore.body).toBe("");
    const inconnu = await fichier("salaires.csv");
    expect(inconnu.statusCode).toBe(400);
    expect(inconnu.body).toContain("Fichier inconnu");
  });

  it("donne l'activité par mois et par département avec sa date et son dictionnaire", async () => {
    const nationale = (await fichier("activite-nationale.json")).json();
    expect(nationale.date_generation).toBe(p.horloge.maintenant().toISOString());
    expect(nationale.dictionnaire.map((c: { nom: string }) => c.nom)).toContain("accompagnements");
    const fevrier = nationale.donnees.find((m: { mois: string }) => m.mois === "2026-02-01");
    expect(fevrier).toMatchObject({ activites: 1, accompagnements: 9, a_type_collectif: 1 });
    const parDepartement = (await fichier("activite-mensuelle-departement.csv")).body;
    const lus = parse(parDepartement, { columns: true }) as Record<string, string>[];
    expect(lus.find((l) => l.mois === "2026-02-01" && l.departement_code === "62")).toMatchObject({
      departement: "Pas-de-Calais",
      accompagnements: "9",
      p_thematique_email: "9",
    });
  });

  it("ne régénère au démarrage que des fichiers absents ou vieux de plus d'une heure", async () => {
    const t = p.horloge.maintenant().getTime();
    const heure = 60 * 60 * 1000;
    expect(
      await genererDonneesOuvertesSiPerimees(p.base.db, new Date(t + 10 * 60 * 1000), heure),
    ).toBe(false);
    expect(await genererDonneesOuvertesSiPerimees(p.base.db, new Date(t + 2 * heure), heure)).toBe(
      true,
    );
    expect((await fichier("activite-nationale.json")).json().date_generation).toBe(
      new Date(t + 2 * heure).toISOString(),
    );
    await genererDonneesOuvertes(p.base.db, p.horloge.maintenant());
  });

  it("compte les postes par département et par structure, comme la base", async () => {
    const territoires = (await fichier("postes-territoires.json")).json().donnees as {
      postes_attribues: number;
    }[];
    const [n] = await lignes<{ n: number }>(
      p.base.db,
      sql`select count(*)::int as n from poste where statut <> 'rendu'`,
    );
    expect(territoires.reduce((t, l) => t + l.postes_attribues, 0)).toBe(n!.n);
    const structures = (await fichier("postes-structures.json")).json().donnees;
    expect(
      structures.some((s: { nom: string }) => s.nom === "PIMMS Médiation Artois-Gohelle"),
    ).toBe(true);
    const api = (await p.app.inject({ url: "/api/v1/postes" })).json();
    expect(api.totaux.postes_attribues).toBe(n!.n);
    const catalogue = (await p.app.inject({ url: "/api/v1/donnees" })).json();
    // Every CSV has exactly the columns its dictionary describes, in that order.
    for (const jeu of catalogue) {
      const entete = (await fichier(`${jeu.nom}.csv`)).body.split("\r\n")[0];
      expect(entete).toBe(jeu.dictionnaire.map((c: { nom: string }) => c.nom).join(","));
    }
    expect(catalogue).toHaveLength(6);
    expect(catalogue[0].fichiers.map((f: { format: string }) => f.format).sort()).toEqual([
      "csv",
      "json",
    ]);
  });
});
