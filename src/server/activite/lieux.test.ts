import { and, count, eq, isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commune, lieu, lieuConseiller, utilisateur } from "../db/schema.ts";
import { demarrerBanLocale } from "../test/ban-locale.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

describe.each(BASES_DE_TEST)("lieux d'activité sur %s", (type) => {
  let p: PlateformeDeTest;
  let ban: Awaited<ReturnType<typeof demarrerBanLocale>>;
  let cookie: string;
  let conseillereId: string;

  beforeEach(async () => {
    // Every address of Liévin lands on the same point: same place if the name looks alike.
    ban = await demarrerBanLocale((_q, citycode) => ({ citycode, coordonnees: [2.7786, 50.4231] }));
    p = await plateformeDeTest(type, { GEOCODEUR_URL: ban.url });
    cookie = await connecterPersona(p, "conseiller@demo.conseiller-numerique.fr");
    const [u] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "conseiller@demo.conseiller-numerique.fr"));
    conseillereId = u!.id;
  });
  afterEach(async () => {
    await p.arreter();
    await ban.arreter();
  });

  const ajouter = (corps: object) =>
    p.app.inject({
      method: "POST",
      url: "/api/conseiller/lieux",
      headers: { cookie },
      payload: corps,
    });
  const mediatheque = {
    nom: "Médiathèque Jean Jaurès",
    adresse: "3 rue de la Gare",
    codePostal: "62800",
    communeCode: "62510",
    services: ["Aide aux démarches administratives"],
    modalitesAcces: ["Se présenter"],
    typologies: ["BIB"],
    itinerance: ["Fixe"],
    horaires: {
      Mo: [],
      Tu: [{ debut: "09:00", fin: "12:00" }],
      We: [{ debut: "09:00", fin: "12:00" }],
      Th: [],
      Fr: [],
      Sa: [{ debut: "10:00", fin: "12:00" }],
      Su: [],
    },
  };
  const liens = () =>
    p.base.db
      .select()
      .from(lieuConseiller)
      .where(and(eq(lieuConseiller.conseillerId, conseillereId), isNull(lieuConseiller.fin)));

  it("place au point de sa commune, dit approximatif, un lieu dont l'adresse n'est pas localisée, et l'ouvre aux données ouvertes dans les secondes", async () => {
    // The address service is away: the place still shows on the map, at its commune's point.
    const horsLigne = await plateformeDeTest(type);
    try {
      const moi = await connecterPersona(horsLigne, "conseiller@demo.conseiller-numerique.fr");
      const r = await horsLigne.app.inject({
        method: "POST",
        url: "/api/conseiller/lieux",
        headers: { cookie: moi },
        payload: { nature: "secondaire", lieu: { ...mediatheque, nom: "Espace numérique Delory" } },
      });
      expect(r.statusCode, r.body).toBe(201);
      const [l] = await horsLigne.base.db.select().from(lieu).where(eq(lieu.id, r.json().lieuId));
      const [lievin] = await horsLigne.base.db
        .select()
        .from(commune)
        .where(eq(commune.code, "62510"));
      expect(l).toMatchObject({
        positionApproximative: true,
        latitude: lievin!.latitude,
        longitude: lievin!.longitude,
      });
      const fiche = (await horsLigne.app.inject({ url: `/api/v1/lieux/${l!.id}` })).json();
      expect(fiche.positionApproximative).toBe(true);
      // Open data follows the change without waiting for the hourly run.
      await expect
        .poll(async () => (await horsLigne.app.inject({ url: "/donnees/lieux.csv" })).body, {
          timeout: 15_000,
          interval: 500,
        })
        .toContain("Espace numérique Delory");
    } finally {
      await horsLigne.arreter();
    }
  });

  it("crée un lieu secondaire avec ses horaires au format OSM et son point", async () => {
    const r = await ajouter({ nature: "secondaire", lieu: mediatheque });
    expect(r.statusCode).toBe(201);
    expect(r.json().partage).toBe(false);
    const [l] = await p.base.db.select().from(lieu).where(eq(lieu.id, r.json().lieuId));
    expect(l).toMatchObject({
      horaires: "Tu-We 09:00-12:00; Sa 10:00-12:00",
      latitude: 50.4231,
      positionApproximative: false,
      departementCode: "62",
      dispositifProgrammesNationaux: ["Conseillers numériques"],
      typologies: ["BIB"],
      itinerance: ["Fixe"],
    });
  });

  it("partage le lieu existant au lieu d'en créer un second, et le propose avant", async () => {
    expect((await ajouter({ nature: "secondaire", lieu: mediatheque })).statusCode).toBe(201);
    const proches = await p.app.inject({
      url: "/api/lieux/proches?communeCode=62510&nom=Mediatheque%20J.%20Jaures&adresse=3%20rue%20de%20la%20gare",
      headers: { cookie },
    });
    expect(proches.json()[0]).toMatchObject({ nom: "Médiathèque Jean Jaurès" });
    const avant = (await p.base.db.select({ n: count() }).from(lieu))[0]!.n;
    const deux = await ajouter({
      nature: "itinerant",
      lieu: { ...mediatheque, nom: "Mediatheque J. Jaures", adresse: "3 rue de la gare" },
    });
    expect(deux.statusCode).toBe(201);
    expect(deux.json().partage).toBe(true);
    expect((await p.base.db.select({ n: count() }).from(lieu))[0]!.n).toBe(avant);
  });

  it("garde un seul lieu principal : le précédent devient secondaire", async () => {
    const avant = (await liens()).find((l) => l.nature === "principal")!;
    const r = await ajouter({
      nature: "principal",
      lieu: { ...mediatheque, nom: "Espace numérique de Liévin", adresse: "10 place Gambetta" },
    });
    expect(r.statusCode).toBe(201);
    const apres = await liens();
    expect(apres.filter((l) => l.nature === "principal").map((l) => l.lieuId)).toEqual([
      r.json().lieuId,
    ]);
    expect(apres.find((l) => l.lieuId === avant.lieuId)?.nature).toBe("secondaire");
    const quitterPrincipal = await p.app.inject({
      method: "POST",
      url: `/api/conseiller/lieux/${r.json().lieuId}/fin`,
      headers: { cookie },
    });
    expect(quitterPrincipal.statusCode).toBe(409);
    expect(quitterPrincipal.json().erreurs[0].message).toBe(
      "Désignez d'abord un autre lieu principal.",
    );
    const quitter = await p.app.inject({
      method: "POST",
      url: `/api/conseiller/lieux/${avant.lieuId}/fin`,
      headers: { cookie },
    });
    expect(quitter.statusCode).toBe(200);
    expect((await liens()).map((l) => l.lieuId)).not.toContain(avant.lieuId);
  });

  it("laisse la conseillère masquer son nom sur la carte publique, journalisé", async () => {
    const avant = await p.app.inject({ url: "/api/conseiller/carte", headers: { cookie } });
    expect(avant.json()).toEqual({ nomMasqueCarte: false });
    const r = await p.app.inject({
      method: "PUT",
      url: "/api/conseiller/carte",
      headers: { cookie },
      payload: { nomMasqueCarte: true },
    });
    expect(r.json()).toEqual({ nomMasqueCarte: true });
    const [u] = await p.base.db.select().from(utilisateur).where(eq(utilisateur.id, conseillereId));
    expect(u?.nomMasqueCarte).toBe(true);
    const faux = await p.app.inject({
      method: "PUT",
      url: "/api/conseiller/carte",
      headers: { cookie },
      payload: { nomMasqueCarte: "oui" },
    });
    expect(faux.statusCode).toBe(400);
  });

  it("refuse un lieu mal renseigné avec des messages par champ", async () => {
    const r = await ajouter({
      nature: "secondaire",
      lieu: {
        ...mediatheque,
        codePostal: "628",
        horaires: { ...mediatheque.horaires, Mo: [{ debut: "14:00", fin: "09:00" }] },
      },
    });
    expect(r.statusCode).toBe(400);
    const messages = r.json().erreurs.map((e: { message: string }) => e.message);
    expect(messages).toContain("Le code postal compte 5 chiffres.");
    expect(messages).toContain(
      "Lundi : chaque créneau doit commencer avant de finir, sans chevaucher le précédent.",
    );
  });
});
