import { brotliDecompressSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filtresCarteSchema } from "../../domain/lieux/carte.ts";
import { distanceKm } from "../../domain/recrutement/matching.ts";
import { lignes } from "../db/client.ts";
import { demarrerBanLocale } from "../test/ban-locale.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  type PlateformeDeTest,
  plateformeDeTest,
  URL_TEST,
} from "../test/plateforme.ts";
import { pointsDeLEmprise } from "./carte-queries.ts";

const BETHUNE = { latitude: 50.5303, longitude: 2.6408 };

type Lieu = {
  id: string;
  nom: string;
  commune: string;
  distanceKm: number;
  services: string[];
  gratuit: boolean;
  priseRdv: string | null;
  ouverture: { ouvert: boolean; prochainChangement: string | null } | null;
  conseillers: { prenom: string; nom: string }[];
  conseillersAnonymes: number;
};

describe.each(BASES_DE_TEST)("carte publique sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
  });
  afterAll(() => p.arreter());

  const proches = async (requete: string) => {
    const r = await p.app.inject({ url: `/api/v1/lieux?${requete}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { lieux: Lieu[]; total: number };
  };

  it("donne les lieux les plus proches de Béthune d'abord, comme un tri de tous les lieux", async () => {
    const { lieux, total } = await proches(
      `lat=${BETHUNE.latitude}&lon=${BETHUNE.longitude}&rayon=30&limite=100`,
    );
    const tous = await lignes<{ id: string; latitude: number; longitude: number }>(
      p.base.db,
      sql`select id, latitude, longitude from lieu where visible_carte and latitude is not null`,
    );
    const attendus = tous
      .map((l) => ({ id: l.id, d: distanceKm(BETHUNE, l) }))
      .filter((l) => l.d <= 30)
      .sort((a, b) => a.d - b.d);
    expect(lieux.map((l) => l.id)).toEqual(attendus.map((l) => l.id));
    expect(total).toBe(attendus.length);
    expect(lieux.length).toBeGreaterThan(0);
    expect(lieux[0]!.commune).toBe("Béthune");
    expect(lieux.every((l) => l.distanceKm <= 30)).toBe(true);
  });

  it("nomme les conseillers présents, sauf celui qui a masqué son nom", async () => {
    const { lieux } = await proches(
      `lat=${BETHUNE.latitude}&lon=${BETHUNE.longitude}&rayon=100&limite=100`,
    );
    const [masque] = await lignes<{ nom: string; lieu_id: string }>(
      p.base.db,
      sql`select u.nom, lc.lieu_id from utilisateur u
          join lieu_conseiller lc on lc.conseiller_id = u.id and lc.fin is null
          where u.nom_masque_carte`,
    );
    const ou = lieux.find((l) => l.id === masque!.lieu_id);
    if (ou) {
      expect(ou.conseillers.map((c) => c.nom)).not.toContain(masque!.nom);
      expect(ou.conseillersAnonymes).toBe(1);
    }
    expect(lieux.some((l) => l.conseillers.length > 0)).toBe(true);
    expect(JSON.stringify(lieux)).not.toContain("@");
  });

  it("filtre par service, gratuité, rendez-vous en ligne et ouverture à l'instant", async () => {
    const base = `lat=${BETHUNE.latitude}&lon=${BETHUNE.longitude}&rayon=100&limite=100`;
    const demarches = await proches(
      `${base}&services=${encodeURIComponent("Aide aux démarches administratives")}`,
    );
    expect(demarches.lieux.length).toBeGreaterThan(0);
    expect(
      demarches.lieux.every((l) => l.services.includes("Aide aux démarches administratives")),
    ).toBe(true);
    const gratuits = await proches(`${base}&gratuit=1&priseRdv=1`);
    expect(gratuits.lieux.length).toBeGreaterThan(0);
    expect(gratuits.lieux.every((l) => l.gratuit && l.priseRdv)).toBe(true);
    // The test clock: Monday 2 March 2026, 10:00 in Paris.
    const ouverts = await proches(`${base}&ouvertMaintenant=1`);
    const tous = await proches(base);
    expect(ouverts.lieux.length).toBeGreaterThan(0);
    expect(ouverts.lieux.length).toBeLessThan(tous.lieux.length);
    expect(ouverts.lieux.length).toBeGreaterThan(0);
    expect(ouverts.lieux.every((l) => l.ouverture?.ouvert)).toBe(true);
  });

  it("reste dans un territoire quand on le demande (carte intégrée d'une collectivité)", async () => {
    const nord = await proches(
      `lat=${BETHUNE.latitude}&lon=${BETHUNE.longitude}&rayon=100&limite=100&departements=59`,
    );
    const tous = await proches(
      `lat=${BETHUNE.latitude}&lon=${BETHUNE.longitude}&rayon=100&limite=100`,
    );
    expect(nord.lieux.length).toBeGreaterThan(0);
    expect(nord.lieux.length).toBeLessThan(tous.lieux.length);
    const [dans59] = await lignes<{ ids: string[] }>(
      p.base.db,
      sql`select array_agg(id::text) as ids from lieu where departement_code = '59'`,
    );
    expect(nord.lieux.length).toBeGreaterThan(0);
    expect(nord.lieux.every((l) => dans59!.ids.includes(l.id))).toBe(true);
  });

  it("liste les lieux d'un département par nom, page par page", async () => {
    const r = await p.app.inject({ url: "/api/v1/territoires/lieux?departements=62" });
    const { lieux, total } = r.json() as { lieux: Lieu[]; total: number };
    const [n] = await lignes<{ n: number }>(
      p.base.db,
      sql`select count(*)::int as n from lieu where visible_carte and latitude is not null and departement_code = '62'`,
    );
    expect(total).toBe(n!.n);
    const attendus = await lignes<{ id: string }>(
      p.base.db,
      sql`select id from lieu where visible_carte and latitude is not null and departement_code = '62'
          order by nom, id limit 50`,
    );
    expect(lieux.map((l) => l.id)).toEqual(attendus.map((l) => l.id));
    const sans = await p.app.inject({ url: "/api/v1/territoires/lieux" });
    expect(sans.statusCode).toBe(400);
    expect(sans.body).toContain("Indiquez au moins un département");
  });

  it("refuse une recherche mal formée avec un message en français", async () => {
    const r = await p.app.inject({ url: `/api/v1/lieux?lat=50&lon=2&rayon=200` });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain("Le rayon est d'au plus 100 km.");
    const s = await p.app.inject({ url: `/api/v1/lieux?lat=50&lon=2&services=Inconnu` });
    expect(s.statusCode).toBe(400);
    expect(s.body).toContain("Service inconnu du standard");
    expect((await p.app.inject({ url: `/api/v1/lieux?lon=2` })).statusCode).toBe(400);
  });

  it("montre la fiche d'un lieu visible, pas celle d'un lieu masqué", async () => {
    const { lieux } = await proches(`lat=${BETHUNE.latitude}&lon=${BETHUNE.longitude}&rayon=10`);
    const r = await p.app.inject({ url: `/api/v1/lieux/${lieux[0]!.id}` });
    expect(r.statusCode).toBe(200);
    const fiche = r.json();
    expect(fiche).toMatchObject({ id: lieux[0]!.id, commune: "Béthune" });
    expect(fiche.semaine).toHaveLength(7);
    await p.base.db.execute(sql`update lieu set visible_carte = false where id = ${lieux[0]!.id}`);
    expect((await p.app.inject({ url: `/api/v1/lieux/${lieux[0]!.id}` })).statusCode).toBe(404);
    const apres = await proches(`lat=${BETHUNE.latitude}&lon=${BETHUNE.longitude}&rayon=10`);
    expect(apres.lieux.map((l) => l.id)).not.toContain(lieux[0]!.id);
    await p.base.db.execute(sql`update lieu set visible_carte = true where id = ${lieux[0]!.id}`);
  });

  it("trouve Béthune sans géocodeur, à son point officiel", async () => {
    const r = await p.app.inject({ url: `/api/v1/recherche?q=${encodeURIComponent("Béthune")}` });
    const { resultats, source } = r.json();
    expect(source).toBe("referentiel");
    expect(resultats[0]).toMatchObject({ libelle: "Béthune (62)", communeCode: "62119" });
    expect(distanceKm(BETHUNE, resultats[0])).toBeLessThan(3);
    const cp = (await p.app.inject({ url: "/api/v1/recherche?q=62400" })).json();
    expect(cp.resultats.map((x: { communeCode: string }) => x.communeCode)).toContain("62119");
  });

  it("donne les points d'une emprise de carte, filtres compris, et refuse une emprise à l'envers", async () => {
    const { lieux } = await proches(
      `lat=${BETHUNE.latitude}&lon=${BETHUNE.longitude}&rayon=5&limite=100`,
    );
    const r = await p.app.inject({ url: "/api/v1/carte/points?emprise=2.5,50.45,2.8,50.6" });
    const { points, complet } = r.json() as {
      points: [string, number, number][];
      complet: boolean;
    };
    expect(complet).toBe(true);
    for (const l of lieux) expect(points.map((x) => x[0])).toContain(l.id);
    expect(
      points.every(([, lat, lon]) => lat >= 50.45 && lat <= 50.6 && lon >= 2.5 && lon <= 2.8),
    ).toBe(true);
    const gratuits = (
      await p.app.inject({ url: "/api/v1/carte/points?emprise=2.5,50.45,2.8,50.6&gratuit=1" })
    ).json();
    expect(gratuits.points.length).toBeLessThan(points.length);
    // Capped, the box gives the same places every time: the first ones by id.
    const emprise = [2.5, 50.45, 2.8, 50.6];
    const plafonne = await pointsDeLEmprise(
      p.base.db,
      emprise,
      filtresCarteSchema.parse({}),
      2,
      new Date(0),
    );
    expect(plafonne.complet).toBe(false);
    expect(plafonne.points.map((x) => x[0])).toEqual(
      points
        .map((x) => x[0])
        .sort()
        .slice(0, 2),
    );
    const envers = await p.app.inject({ url: "/api/v1/carte/points?emprise=2.8,50.45,2.5,50.6" });
    expect(envers.statusCode).toBe(400);
    expect(envers.body).toContain("ouest,sud,est,nord");
    const sans = await p.app.inject({ url: "/api/v1/carte/points" });
    expect(sans.statusCode).toBe(400);
    expect(sans.body).toContain("Indiquez l'emprise de la carte");
  });

  it("reçoit le signalement d'une erreur et prévient les conseillers du lieu", async () => {
    const [pimms] = await lignes<{ id: string }>(
      p.base.db,
      sql`select id from lieu where nom = 'PIMMS Médiation Artois-Gohelle'`,
    );
    const signaler = (id: string, payload: object) =>
      p.app.inject({
        method: "POST",
        url: `/api/v1/lieux/${id}/signalements`,
        headers: { origin: URL_TEST },
        payload,
      });
    const r = await signaler(pimms!.id, {
      message: "Le lieu est fermé le vendredi après-midi depuis septembre.",
      courriel: "habitante@example.fr",
    });
    expect(r.statusCode, r.body).toBe(201);
    const [mail] = await lignes<{ destinataire: string; texte: string }>(
      p.base.db,
      sql`select destinataire, texte from courriel where modele = 'lieu.erreur_signalee'`,
    );
    expect(mail!.destinataire).toBe("conseiller@demo.conseiller-numerique.fr");
    expect(mail!.texte).toContain("fermé le vendredi après-midi");
    expect(mail!.texte).toContain("habitante@example.fr");
    const court = await signaler(pimms!.id, { message: "faux" });
    expect(court.statusCode).toBe(400);
    expect(court.body).toContain("10 caractères au moins");
    const inconnu = await signaler("00000000-0000-4000-8000-000000000000", {
      message: "Ce lieu a déménagé rue Victor Hugo.",
    });
    expect(inconnu.statusCode).toBe(404);
  });

  it("compte les lieux par département et par région pour la vue nationale", async () => {
    const r = await p.app.inject({ url: "/api/v1/carte/territoires" });
    const { regions, departements } = r.json();
    const [n] = await lignes<{ n: number }>(
      p.base.db,
      sql`select count(*)::int as n from lieu where visible_carte and latitude is not null and departement_code = '62'`,
    );
    expect(departements.find((d: { code: string }) => d.code === "62").lieux).toBe(n!.n);
    expect(regions.find((x: { code: string }) => x.code === "32").lieux).toBeGreaterThanOrEqual(
      n!.n,
    );
    expect(r.body.length).toBeLessThan(100_000);
  });

  it("garde en cache, compressée, la réponse nationale, et la renouvelle dès qu'un lieu change", async () => {
    const url = "/api/v1/carte/territoires";
    const premiere = await p.app.inject({ url, headers: { "accept-encoding": "br, gzip" } });
    expect(premiere.headers["content-encoding"]).toBe("br");
    const etag = premiere.headers.etag as string;
    const brut = await p.app.inject({ url });
    expect(brotliDecompressSync(premiere.rawPayload).equals(brut.rawPayload)).toBe(true);
    expect(premiere.rawPayload.length).toBeLessThan(brut.rawPayload.length);
    expect(brut.headers.etag).toBe(etag);
    const gz = await p.app.inject({ url, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const pareille = await p.app.inject({ url, headers: { "if-none-match": etag } });
    expect(pareille.statusCode).toBe(304);
    const compte = (corps: { departements: { code: string; lieux: number }[] }) =>
      corps.departements.find((d) => d.code === "62")?.lieux ?? 0;
    const avant = compte(brut.json());

    const cookie = await connecterPersona(p, "conseiller@demo.conseiller-numerique.fr");
    const ajout = await p.app.inject({
      method: "POST",
      url: "/api/conseiller/lieux",
      headers: { cookie },
      payload: {
        nature: "secondaire",
        lieu: {
          nom: "Tiers-lieu de la Gare de Liévin",
          adresse: "8 place de la Gare",
          codePostal: "62800",
          communeCode: "62510",
          services: ["Aide aux démarches administratives"],
          modalitesAcces: ["Se présenter"],
          typologies: ["TIERS_LIEUX"],
          itinerance: ["Fixe"],
        },
      },
    });
    expect(ajout.statusCode, ajout.body).toBe(201);
    // At once, not after the cache's minute.
    const apres = await p.app.inject({ url });
    expect(apres.headers.etag).not.toBe(etag);
    expect(compte(apres.json())).toBe(avant + 1);
  });
});

describe("recherche d'une adresse par la Base adresse nationale", () => {
  it("prend le point de la BAN, et se replie sur le référentiel quand elle ne répond pas", async () => {
    let enPanne = false;
    const ban = await demarrerBanLocale((q) =>
      enPanne
        ? { status: 503 }
        : {
            coordonnees: [2.6405, 50.5298],
            citycode: "62119",
            label: `${q} 62400 Béthune`,
          },
    );
    const p = await plateformeDeTest("pglite", { GEOCODEUR_URL: ban.url });
    try {
      const r = (
        await p.app.inject({ url: `/api/v1/recherche?q=${encodeURIComponent("1 Grand Place")}` })
      ).json();
      expect(r).toEqual({
        source: "ban",
        resultats: [
          {
            libelle: "1 Grand Place 62400 Béthune",
            latitude: 50.5298,
            longitude: 2.6405,
            communeCode: "62119",
            precision: "adresse",
            approximatif: false,
          },
        ],
      });
      expect(ban.requetes.at(-1)?.searchParams.get("type")).toBeNull();
      await p.app.inject({ url: "/api/v1/recherche?q=62400" });
      expect(ban.requetes.at(-1)?.searchParams.get("type")).toBe("municipality");
      enPanne = true;
      const repli = (await p.app.inject({ url: "/api/v1/recherche?q=B%C3%A9thune" })).json();
      expect(repli.source).toBe("referentiel");
      expect(repli.resultats[0].communeCode).toBe("62119");
    } finally {
      await p.arreter();
      await ban.arreter();
    }
  });
});
