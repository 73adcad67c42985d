import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  EMAIL_ADMIN,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";

const demo = (nom: string) => `${nom}@demo.conseiller-numerique.fr`;

describe.each(BASES_DE_TEST)("statistiques par périmètre sur %s", (type) => {
  let p: PlateformeDeTest;
  const lire = async (email: string, requete = "", url = "/api/statistiques") => {
    const cookie = await connecterPersona(p, email);
    return p.app.inject({ url: `${url}${requete}`, headers: { cookie } });
  };

  beforeAll(async () => {
    p = await plateformeDeTest(type);
    const cookie = await connecterPersona(p, demo("conseiller"));
    const lieux = (
      await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie } })
    ).json();
    const saisir = (corps: object) =>
      p.app.inject({ method: "POST", url: "/api/cra", headers: { cookie }, payload: corps });
    // A workshop of 8 in Lens (62), one person helped at home in Lille (59).
    expect(
      (
        await saisir({
          type: "collectif",
          date: "2026-02-20",
          dureeMinutes: 120,
          typeLieu: "lieu_activite",
          lieuId: lieux[0].id,
          nbParticipants: 8,
          dejaAccompagnes: 2,
          ages: { soixante_soixante_neuf: 6, soixante_dix_plus: 2 },
          thematiques: ["securite_numerique", "email"],
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await saisir({
          type: "individuel",
          date: "2026-03-01",
          dureeMinutes: 30,
          typeLieu: "domicile",
          communeCode: "59350",
          genres: { feminin: 1 },
          thematiques: ["email"],
          oriente: true,
          structureRedirection: "administration",
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(() => p.arreter());

  it("donne à la conseillère ses chiffres, dans les deux unités", async () => {
    const s = (await lire(demo("conseiller"))).json();
    expect(s.totaux).toEqual({
      activites: 2,
      accompagnements: 9,
      dejaAccompagnes: 2,
      nouvellesPersonnes: 7,
      dureeHeures: 2.5,
      orientations: 1,
    });
    const type = Object.fromEntries(
      s.repartitions.type.map(
        (l: { valeur: string; activites: number; accompagnements: number }) => [
          l.valeur,
          [l.activites, l.accompagnements],
        ],
      ),
    );
    expect(type).toMatchObject({ collectif: [1, 8], individuel: [1, 1], ponctuel: [0, 0] });
    const email = s.repartitions.thematique.find((l: { valeur: string }) => l.valeur === "email");
    expect(email).toMatchObject({ activites: 2, accompagnements: 9, partActivites: 100 });
    const ages = s.personnes.age.find(
      (l: { valeur: string }) => l.valeur === "soixante_soixante_neuf",
    );
    expect(ages).toMatchObject({ personnes: 6, part: 66.7 });
    expect(s.parMois).toHaveLength(12);
    expect(s.parMois.at(-1)).toEqual({ mois: "2026-03", activites: 1, accompagnements: 1 });
    expect(s.parJour).toHaveLength(30);
    expect(s.parJour.at(-1)).toEqual({ jour: "2026-03-02", activites: 0, accompagnements: 0 });
  });

  it("ne montre à chaque préfet que son département, et refuse un filtre hors périmètre", async () => {
    const p62 = (await lire(demo("prefet.62"))).json();
    expect(p62.totaux).toMatchObject({ activites: 1, accompagnements: 8 });
    const p59 = (await lire(demo("prefet.59"))).json();
    expect(p59.totaux).toMatchObject({ activites: 1, accompagnements: 1 });
    const voisin = await lire(demo("prefet.59"), "?departement=62");
    expect(voisin.statusCode).toBe(403);
    expect(voisin.json().erreurs[0].message).toBe("Ce département n'est pas dans votre périmètre.");
    expect((await lire(demo("prefet.59"), "?departement=59")).statusCode).toBe(200);
    const structure = await lire(demo("structure.pimms"), "?departement=62");
    expect(structure.statusCode).toBe(400);
  });

  it("filtre par type, thématique et lieu en relisant les comptes rendus du périmètre", async () => {
    const conseillere = demo("conseiller");
    const collectif = (await lire(conseillere, "?type=collectif")).json();
    expect(collectif.totaux).toMatchObject({ activites: 1, accompagnements: 8 });
    expect(collectif.parMois.at(-2)).toEqual({ mois: "2026-02", activites: 1, accompagnements: 8 });
    expect(
      (await lire(conseillere, "?thematique=securite_numerique")).json().totaux.activites,
    ).toBe(1);
    expect((await lire(conseillere, "?typeLieu=domicile")).json().totaux.accompagnements).toBe(1);
    expect((await lire(demo("prefet.62"), "?thematique=email")).json().totaux.activites).toBe(1);
    expect((await lire(demo("prefet.59"), "?type=collectif")).json().totaux.activites).toBe(0);
    const inconnu = await lire(conseillere, "?thematique=cuisine");
    expect(inconnu.statusCode).toBe(400);
    expect(inconnu.json().erreurs[0].message).toBe("Thématique inconnue.");
    const publique = await p.app.inject({ url: "/api/public/statistiques?type=individuel" });
    expect(publique.json().totaux).toMatchObject({ activites: 1, accompagnements: 1 });
  });

  it("donne le national à l'administration, la structure et le public agrégé", async () => {
    expect((await lire(EMAIL_ADMIN)).json().totaux.activites).toBe(2);
    expect((await lire(EMAIL_ADMIN, "?departement=62")).json().totaux.activites).toBe(1);
    expect((await lire(demo("structure.pimms"))).json().totaux.accompagnements).toBe(9);
    expect((await lire(demo("structure.cabbalr"))).json().totaux.activites).toBe(0);
    const publique = await p.app.inject({ url: "/api/public/statistiques?region=32" });
    expect(publique.json().totaux.activites).toBe(2);
    const autre = await p.app.inject({ url: "/api/public/statistiques?region=75" });
    expect(autre.json().totaux.activites).toBe(0);
    const vide = await lire(EMAIL_ADMIN, "?du=2026-03-02&au=2026-03-02");
    expect(vide.json().totaux.activites).toBe(0);
    const inverse = await lire(EMAIL_ADMIN, "?du=2026-03-02&au=2026-01-01");
    expect(inverse.statusCode).toBe(400);
  });
});

describe.each(BASES_DE_TEST)("export des statistiques sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
  });
  afterAll(() => p.arreter());

  it("exporte en CSV, XLSX et PDF rendu par le serveur, avec un nom qui dit le périmètre et la période", async () => {
    const cookie = await connecterPersona(p, demo("prefet.62"));
    const csv = await p.app.inject({
      url: "/api/statistiques/export?format=csv&du=2026-01-01&au=2026-02-28",
      headers: { cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-disposition"]).toContain(
      "Statistiques_prefet_2026-01-01_2026-02-28.csv",
    );
    expect(csv.body).toContain("Totaux;Accompagnements;;0");
    expect(csv.body).toContain("Thématiques;Aide aux démarches administratives");
    const pdf = await p.app.inject({
      url: "/api/statistiques/export?format=pdf",
      headers: { cookie },
    });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const xlsx = await p.app.inject({
      url: "/api/statistiques/export?format=xlsx",
      headers: { cookie },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const ailleurs = await p.app.inject({
      url: "/api/statistiques/export?format=csv&departement=59",
      headers: { cookie },
    });
    expect(ailleurs.statusCode).toBe(403);
  });
});

describe("mois complets d'une période", () => {
  it("lit les mois entiers dans l'agrégat mensuel et les bords jour par jour", async () => {
    const { moisComplets } = await import("./statistiques-queries.ts");
    expect(moisComplets({ du: "2025-03-02", au: "2026-03-01" })).toEqual({
      debut: "2025-04-01",
      fin: "2026-03-01",
    });
    expect(moisComplets({ du: "2025-03-01", au: "2025-03-31" })).toEqual({
      debut: "2025-03-01",
      fin: "2025-04-01",
    });
    expect(moisComplets({ du: "2025-03-02", au: "2025-03-30" })).toBeNull();
    expect(moisComplets({ du: "2024-02-01", au: "2024-02-29" })).toEqual({
      debut: "2024-02-01",
      fin: "2024-03-01",
    });
  });
});
