import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajouterJours } from "../../domain/temps.ts";
import { lignes } from "../db/client.ts";
import { region } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { verserSurLePostePourvu } from "../test/versement.ts";

const D = "demo.conseiller-numerique.fr";

type Ligne = Record<string, number | string | null> & { code: string; nom: string };
type Tableau = { total: Record<string, number | null>; lignes: Ligne[]; aujourdhui: string };

describe.each(BASES_DE_TEST)("tableaux de bord de pilotage sur %s", (type) => {
  let p: PlateformeDeTest;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    for (const qui of ["admin", "prefet.62", "prefet.59", "structure.pimms", "conseiller"])
      cookies[qui] = await connecterPersona(p, `${qui}@${D}`);
  });
  afterAll(() => p.arreter());

  const lire = async (qui: string, query = "") => {
    const r = await p.app.inject({
      url: `/api/pilotage/tableau${query}`,
      headers: { cookie: cookies[qui]! },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Tableau;
  };

  it("l'ANCT lit le national par région, puis la région en départements et le département en arrondissements", async () => {
    const regions = await lire("admin", "?decoupage=region");
    // Every région of the reference is listed, overseas collectivities included.
    expect(regions.lignes.length).toBe(await p.base.db.$count(region));
    const hdf = regions.lignes.find((l) => l.code === "32")!;
    expect(hdf.nom).toBe("Hauts-de-France");
    // The PIMMS of Lens holds 3 posts, one filled by the demo conseillère, in training.
    expect(hdf).toMatchObject({ recrutes: 1, pourvus: 1, enFormation: 1 });
    expect(hdf.vacants).toBe(Number(hdf.dotation) - 1);
    expect(Number(hdf.dotation)).toBeGreaterThanOrEqual(3);
    // The total is the sum of its rows, column by column.
    for (const cle of ["dotation", "recrutes", "vacants", "activites", "demandesEnAttenteAvis"])
      expect(regions.total[cle]).toBe(regions.lignes.reduce((t, l) => t + Number(l[cle]), 0));

    const departements = await lire("admin", "?decoupage=departement&region=32");
    expect(departements.lignes.map((l) => l.code).sort()).toEqual(["02", "59", "60", "62", "80"]);
    expect(departements.total.dotation).toBe(hdf.dotation);

    const arrondissements = await lire("admin", "?decoupage=arrondissement&departement=62");
    const lens = arrondissements.lignes.find((l) => l.nom === "Lens")!;
    expect(lens).toMatchObject({ code: "627", recrutes: 1 });
    expect(lens.vacants).toBe(Number(lens.dotation) - 1);
    // Vacant since attribution: the PIMMS's posts were granted 10 days before the demo.
    expect(lens.vacanceJoursMax).toBe(10);
    expect(lens.vacanceJoursMoyenne).toBe(10);
  });

  it("un préfet ne lit que son département, même en demandant une autre région", async () => {
    const a = await lire("prefet.59", "?decoupage=departement");
    expect(a.lignes.map((l) => l.code)).toEqual(["59"]);
    const ailleurs = await lire("prefet.59", "?decoupage=departement&region=75");
    expect(ailleurs.lignes).toEqual([]);
    expect(ailleurs.total.dotation).toBe(0);
    const pdc = await lire("prefet.62");
    const national = await lire("admin", "?decoupage=departement&departement=62");
    expect(pdc.total).toEqual(national.total);
  });

  it("un compte rendu compte aussitôt dans l'activité et le dernier CRA du conseiller", async () => {
    const avant = await lire("prefet.62");
    const lieux = (
      await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie: cookies.conseiller! } })
    ).json();
    const cra = await p.app.inject({
      method: "POST",
      url: "/api/cra",
      headers: { cookie: cookies.conseiller! },
      payload: {
        type: "collectif",
        date: avant.aujourdhui,
        dureeMinutes: 60,
        typeLieu: "lieu_activite",
        lieuId: lieux[0].id,
        nbParticipants: 6,
        dejaAccompagnes: 2,
        thematiques: ["securite_numerique"],
        titreAtelier: "Mots de passe",
        niveau: "debutant",
      },
    });
    expect(cra.statusCode, cra.body).toBe(201);
    const apres = await lire("prefet.62");
    expect(apres.total.activites).toBe(Number(avant.total.activites) + 1);
    expect(apres.total.personnes).toBe(Number(avant.total.personnes) + 4);
    expect(apres.total.actifs).toBe(1);

    const structure = await lire("structure.pimms");
    expect(structure.lignes).toHaveLength(1);
    expect(structure.total).toMatchObject({ dotation: 3, recrutes: 1, actifs: 1 });
    const suivis = (
      await p.app.inject({
        url: "/api/pilotage/conseillers",
        headers: { cookie: cookies["structure.pimms"]! },
      })
    ).json();
    expect(suivis).toHaveLength(1);
    expect(suivis[0]).toMatchObject({ dernierCra: avant.aujourdhui, formation: "en_cours" });
    // Paged for the screen, with its exact total; the queue "without a report for 30 days"
    // no longer holds her.
    const page = await p.app.inject({
      url: "/api/pilotage/conseillers?page=1",
      headers: { cookie: cookies["structure.pimms"]! },
    });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ total: 1, page: 1, taillePage: 25 });
    expect(page.json().conseillers[0]).toMatchObject({ dernierCra: avant.aujourdhui });
    const silencieux = await p.app.inject({
      url: "/api/pilotage/conseillers?page=1&file=sans_cra",
      headers: { cookie: cookies["structure.pimms"]! },
    });
    expect(silencieux.json()).toMatchObject({ total: 0, conseillers: [] });
    expect(suivis[0].activites30Jours).toBeGreaterThanOrEqual(1);
  });

  it("la préfecture lit un seul total d'activité, par arrondissement, au total et dans ses statistiques", async () => {
    const { aujourdhui } = await lire("prefet.62");
    const periode = `du=${ajouterJours(aujourdhui, -60)}&au=${aujourdhui}`;
    const nordAvant = await lire("prefet.59", `?decoupage=total&${periode}`);
    // The PIMMS (Lens, Pas-de-Calais) visits someone at home in Lille (Nord), and someone in
    // Béthune: each report counts where it took place, in every cut.
    for (const communeCode of ["59350", "62119"]) {
      const r = await p.app.inject({
        method: "POST",
        url: "/api/cra",
        headers: { cookie: cookies.conseiller! },
        payload: {
          type: "individuel",
          date: aujourdhui,
          dureeMinutes: 30,
          typeLieu: "domicile",
          communeCode,
          thematiques: ["email"],
        },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const parArrondissement = await lire("prefet.62", `?decoupage=arrondissement&${periode}`);
    const total = await lire("prefet.62", `?decoupage=total&${periode}`);
    const somme = parArrondissement.lignes.reduce((t, l) => t + Number(l.activites), 0);
    expect(somme).toBe(total.total.activites);
    expect(parArrondissement.total.activites).toBe(total.total.activites);
    const statistiques = await p.app.inject({
      url: `/api/statistiques?${periode}`,
      headers: { cookie: cookies["prefet.62"]! },
    });
    expect(statistiques.json().totaux.activites).toBe(total.total.activites);
    const bethune = parArrondissement.lignes.find((l) => l.code === "622")!;
    expect(Number(bethune.activites)).toBeGreaterThanOrEqual(1);
    const nord = await lire("prefet.59", `?decoupage=total&${periode}`);
    expect(Number(nord.total.activites)).toBe(Number(nordAvant.total.activites) + 1);
  });

  it("voit aussitôt un poste écrit par une autre instance, sans attendre d'expiration", async () => {
    const avant = await lire("prefet.62");
    // Written straight into the database, as another instance would: no local hook runs.
    const [nouveau] = await lignes<{ id: string }>(
      p.base.db,
      sql`insert into poste (structure_id, decision_id, secteur, plafond_cents, duree_mois,
                             date_attribution, date_limite_recrutement, statut)
          select p.structure_id, p.decision_id, p.secteur, p.plafond_cents, p.duree_mois,
                 p.date_attribution, p.date_limite_recrutement, 'vacant'
          from poste p join structure s on s.id = p.structure_id
          where s.departement_code = '62' limit 1
          returning id`,
    );
    const apres = await lire("prefet.62");
    expect(apres.total.dotation).toBe(Number(avant.total.dotation) + 1);
    expect(apres.total.vacants).toBe(Number(avant.total.vacants) + 1);
    await p.base.db.execute(sql`delete from poste where id = ${nouveau!.id}`);
    expect((await lire("prefet.62")).total).toEqual(avant.total);
  });

  it("l'ANCT suit l'enveloppe nationale : accordé, engagé, droits, versé et prévision", async () => {
    const lire = async (query = "") =>
      (
        await p.app.inject({
          url: `/api/pilotage/enveloppe${query}`,
          headers: { cookie: cookies.admin! },
        })
      ).json();
    const avant = await lire();
    expect(avant.enveloppeCents).toBe(20_000_000_000);
    const hdf = avant.lignes.find((l: { code: string }) => l.code === "32");
    // The PIMMS's 3 posts, as granted in the demo at 50,000 € each, one filled.
    expect(hdf).toMatchObject({ postes: 3, accordeCents: 15_000_000, engageCents: 5_000_000 });
    expect(hdf.droitCents).toBeGreaterThan(0);
    // The filled post's open-ended contract runs to the cap in the forecast.
    expect(hdf.prevuCents).toBe(5_000_000);
    await verserSurLePostePourvu(p, {
      montantCents: 800_000,
      date: "2026-03-01",
      reference: "BDT-2026-000900",
    });
    const departements = await lire("?decoupage=departement&region=32");
    expect(departements.lignes.map((l: { code: string }) => l.code)).toEqual([
      "02",
      "59",
      "60",
      "62",
      "80",
    ]);
    expect(departements.lignes.find((l: { code: string }) => l.code === "62").verseCents).toBe(
      800_000,
    );
    expect(departements.total.verseCents).toBe(800_000);
    const csv = await p.app.inject({
      url: "/api/pilotage/enveloppe/export?decoupage=departement&region=32&format=csv",
      headers: { cookie: cookies.admin! },
    });
    expect(csv.statusCode).toBe(200);
    const lignesCsv = csv.body.slice(1).trim().split("\r\n");
    expect(lignesCsv[0]).toBe(
      "Code;Territoire;Postes;Accordé (€);Engagé (€);Droits acquis (€);Versé (€);Prévision (€)",
    );
    // Euros with their cents, French decimal comma; the total row closes the file.
    expect(lignesCsv.find((l) => l.startsWith("62;"))).toMatch(/;8000(,0+)?;\d/);
    expect(lignesCsv.at(-1)).toMatch(/^;Total;3;150000(,0+)?;50000(,0+)?;/);
    const prefet = await p.app.inject({
      url: "/api/pilotage/enveloppe",
      headers: { cookie: cookies["prefet.62"]! },
    });
    expect(prefet.statusCode).toBe(403);
  });

  it("refuse un tri ou un découpage inconnus avec un message clair", async () => {
    const tri = await p.app.inject({
      url: "/api/pilotage/tableau?tri=nom;drop",
      headers: { cookie: cookies.admin! },
    });
    expect(tri.statusCode).toBe(400);
    expect(tri.body).toContain("Colonne de tri inconnue.");
    const decoupage = await p.app.inject({
      url: "/api/pilotage/tableau?decoupage=commune",
      headers: { cookie: cookies.admin! },
    });
    expect(decoupage.statusCode).toBe(400);
    expect(decoupage.body).toContain("Le découpage est");
    const code = await p.app.inject({
      url: "/api/pilotage/tableau?decoupage=departement&region=abc",
      headers: { cookie: cookies.admin! },
    });
    expect(code.statusCode).toBe(400);
    expect(code.body).toContain("Le code de territoire est invalide.");
    const periode = await p.app.inject({
      url: "/api/pilotage/tableau?du=2026-03-01&au=2026-01-01",
      headers: { cookie: cookies.admin! },
    });
    expect(periode.statusCode).toBe(400);
    expect(periode.body).toContain("La fin de la période doit suivre son début.");
  });

  it("trie et exporte le tableau, total compris, et journalise l'export", async () => {
    const trie = await lire("admin", "?decoupage=region&tri=dotation&ordre=desc");
    const dotations = trie.lignes.map((l) => Number(l.dotation));
    expect(dotations).toEqual([...dotations].sort((a, b) => b - a));
    const r = await p.app.inject({
      url: "/api/pilotage/tableau/export?decoupage=region&format=csv",
      headers: { cookie: cookies.admin! },
    });
    expect(r.statusCode).toBe(200);
    const lignes = r.body.slice(1).trim().split("\r\n");
    expect(lignes[0]).toContain("Code;Territoire;Dotation (postes attribués)");
    expect(lignes).toHaveLength(1 + (await p.base.db.$count(region)) + 1);
    expect(lignes.at(-1)).toMatch(new RegExp(`^;Total;${trie.total.dotation};`));
    const xlsx = await p.app.inject({
      url: "/api/pilotage/tableau/export?decoupage=departement&format=xlsx",
      headers: { cookie: cookies["prefet.62"]! },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const { rows } = (await p.base.db.execute(
      "select count(*)::int as n from journal where cible_id = 'tableau-pilotage'",
    )) as unknown as { rows: { n: number }[] };
    expect(rows[0]!.n).toBe(2);
  });
});
