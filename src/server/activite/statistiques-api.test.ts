import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

describe.each(BASES_DE_TEST)("API publique des statistiques (format La Coop) sur %s", (type) => {
  let p: PlateformeDeTest;
  let lieuId: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    const cookie = await connecterPersona(p, "conseiller@demo.conseiller-numerique.fr");
    lieuId = (await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie } })).json()[0]
      .id;
    const saisir = (payload: object) =>
      p.app.inject({ method: "POST", url: "/api/cra", headers: { cookie }, payload });
    // A workshop of 8 on e-mail, and one person helped with a tax return.
    expect(
      (
        await saisir({
          type: "collectif",
          date: "2026-02-10",
          dureeMinutes: 120,
          typeLieu: "lieu_activite",
          lieuId,
          nbParticipants: 8,
          thematiques: ["email"],
          titreAtelier: "Messagerie",
          niveau: "debutant",
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await saisir({
          type: "individuel",
          date: "2026-02-11",
          dureeMinutes: 45,
          typeLieu: "lieu_activite",
          lieuId,
          nbParticipants: 1,
          thematiques: ["aide_aux_demarches_administratives", "argent_impots"],
          genres: { feminin: 1 },
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(() => p.arreter());

  const lire = async (requete: string) => {
    const r = await p.app.inject({ url: `/api/v1/statistiques?${requete}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it("répond dans l'enveloppe de La Coop avec les totaux et les proportions à trois décimales", async () => {
    const r = await lire("filter[du]=2026-02-01&filter[au]=2026-02-28");
    expect(r.data).toMatchObject({ type: "statistiques", id: "statistiques" });
    expect(r.links.self.href).toContain("/api/v1/statistiques?filter[du]=2026-02-01");
    const a = r.data.attributes;
    expect(a.totaux.activites).toMatchObject({
      total: 2,
      individuels: { total: 1, proportion: 50 },
      collectifs: { total: 1, proportion: 50, participants: 8 },
      demarches: { total: 1, proportion: 50 },
    });
    expect(a.totaux.accompagnements.total).toBe(9);
    expect(a.totaux.accompagnements.collectifs).toEqual({ total: 8, proportion: 88.889 });
    expect(a.totaux.beneficiaires).toEqual({ total: 9, nouveaux: 9, suivis: 0, anonymes: 9 });
    const sousThemes = a.activites.thematiques_demarches as { value: string; count: number }[];
    expect(sousThemes.filter((t) => t.count > 0)).toEqual([
      { value: "argent_impots", label: "Argent - Impôts", count: 1, proportion: 50 },
    ]);
    expect(a.accompagnements_par_mois.at(-1)).toEqual({ label: "Février", count: 9 });
    expect(a.accompagnements_par_jour.at(-1)).toEqual({ label: "28/02", count: 0 });
  });

  it("filtre par types (pluriel ou singulier d'origine), départements et lieux", async () => {
    const collectifs = await lire(
      "filter[du]=2026-02-01&filter[au]=2026-02-28&filter[types]=Collectif",
    );
    expect(collectifs.data.attributes.totaux.activites.total).toBe(1);
    const ancien = await lire(
      "filter[du]=2026-02-01&filter[au]=2026-02-28&filter[type]=Individuel",
    );
    expect(ancien.data.attributes.totaux.accompagnements.total).toBe(1);
    const nord = await lire("filter[du]=2026-02-01&filter[au]=2026-02-28&filter[departements]=59");
    expect(nord.data.attributes.totaux.activites.total).toBe(0);
    const lieu = await lire(`filter[du]=2026-02-01&filter[au]=2026-02-28&filter[lieux]=${lieuId}`);
    expect(lieu.data.attributes.totaux.activites.total).toBe(2);
  });

  it("refuse un filtre inconnu ou mal formé, en français", async () => {
    const inconnu = await p.app.inject({ url: "/api/v1/statistiques?filter[mediateurs]=x" });
    expect(inconnu.statusCode).toBe(400);
    const type = await p.app.inject({ url: "/api/v1/statistiques?filter[types]=Atelier" });
    expect(type.statusCode).toBe(400);
    expect(type.body).toContain("filter[types] : Individuel, Collectif ou Ponctuel.");
    const dates = await p.app.inject({
      url: "/api/v1/statistiques?filter[du]=2026-03-01&filter[au]=2026-02-01",
    });
    expect(dates.body).toContain("filter[au] doit suivre filter[du].");
  });
});
