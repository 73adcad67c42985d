import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lieu } from "../db/schema.ts";
import { genererDonneesOuvertes } from "../opendata/generation.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const ENTETE =
  "id,pivot,nom,commune,code_postal,code_insee,adresse,latitude,longitude,services,frais_a_charge,date_maj";

describe.each(BASES_DE_TEST)("import de lieux au standard sur %s", (type) => {
  let p: PlateformeDeTest;
  let admin: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    admin = await connecterPersona(p, "admin@demo.conseiller-numerique.fr");
  });
  afterAll(() => p.arreter());

  const importer = (
    cookie: string,
    corps: string,
    appliquer: "oui" | "non",
    typeCorps = "text/csv",
  ) =>
    p.app.inject({
      method: "POST",
      url: `/api/lieux/import?appliquer=${appliquer}`,
      headers: { cookie, "content-type": typeCorps },
      payload: corps,
    });

  const fichier = (lignes: string[]) => [ENTETE, ...lignes].join("\n");
  // The PIMMS of Lens is already known (demo): a producer describes it with another service.
  const PIMMS = `x3,00000000000000,PIMMS Mediation Artois Gohelle,Lens,62300,62498,12 place Jean-Jaurès,50.4322,2.8316,Utilisation sécurisée du numérique,Gratuit,2026-11-01`;
  const NOUVEAU = `x1,21620119000013,Médiathèque Élie Wiesel,Béthune,62400,62119,2 rue de la Delivrance,50.5291,2.6379,Aide aux démarches administratives|Loisirs et créations numériques,Gratuit,2026-10-01`;
  const DOUBLON = `x2,21620119000013,Mediatheque Elie-Wiesel,Béthune,62400,62119,2 rue de la Délivrance,50.5292,2.6380,Accès internet et matériel informatique,Gratuit,2026-11-02`;
  const FAUX = `x4,123,Lieu,Béthune,6240,62119,1 rue,50.5,2.6,Cuisine,Gratuit,hier`;

  it("rapporte les lignes fausses et ne change rien, même avec « appliquer »", async () => {
    const avant = await p.base.db.$count(lieu);
    const r = await importer(admin, fichier([NOUVEAU, DOUBLON, PIMMS, FAUX]), "oui");
    expect(r.statusCode, r.body).toBe(200);
    const rapport = r.json();
    expect(rapport).toMatchObject({ lignes: 4, valides: 3, applique: false, doublonsDuFichier: 1 });
    const champs = rapport.rejetees[0].erreurs.map((e: { champ: string }) => e.champ);
    expect(champs).toEqual(
      expect.arrayContaining(["pivot", "code_postal", "services", "date_maj"]),
    );
    expect(JSON.stringify(rapport.rejetees)).toContain(
      "« Cuisine » n'est pas une valeur du standard",
    );
    expect(await p.base.db.$count(lieu)).toBe(avant);
  });

  it("fusionne les doublons du fichier et ceux déjà connus au lieu de les copier", async () => {
    const avant = await p.base.db.$count(lieu);
    const r = (await importer(admin, fichier([NOUVEAU, DOUBLON, PIMMS]), "oui")).json();
    expect(r).toMatchObject({
      lignes: 3,
      valides: 3,
      creees: 1,
      doublonsDuFichier: 1,
      applique: true,
    });
    expect(r.fusionnees).toHaveLength(1);
    expect(await p.base.db.$count(lieu)).toBe(avant + 1);
    const [mediatheque] = await p.base.db
      .select()
      .from(lieu)
      .where(and(eq(lieu.communeCode, "62119"), eq(lieu.pivot, "21620119000013")));
    // The newest record's name and address; services united.
    expect(mediatheque).toMatchObject({ nom: "Mediatheque Elie-Wiesel", dateMaj: "2026-11-02" });
    expect([...mediatheque!.services].sort()).toEqual(
      [
        "Accès internet et matériel informatique",
        "Aide aux démarches administratives",
        "Loisirs et créations numériques",
      ].sort(),
    );
    const [pimms] = await p.base.db.select().from(lieu).where(eq(lieu.id, r.fusionnees[0].lieuId));
    expect(pimms!.services).toContain("Utilisation sécurisée du numérique");
    expect(pimms!.services).toContain("Aide aux démarches administratives");
    expect(pimms!.pivot).not.toBe("00000000000000");

    // Importing it again changes nothing: every row finds its place.
    const encore = (await importer(admin, fichier([NOUVEAU, PIMMS]), "oui")).json();
    expect(encore).toMatchObject({ creees: 0, applique: true });
    expect(await p.base.db.$count(lieu)).toBe(avant + 1);
  });

  it("relit son propre fichier de données ouvertes sans créer un seul lieu", async () => {
    await genererDonneesOuvertes(p.base.db, p.horloge.maintenant());
    const json = (await p.app.inject({ url: "/donnees/lieux.json" })).body;
    const avant = await p.base.db.$count(lieu);
    const r = (await importer(admin, json, "oui", "application/json")).json();
    expect(r.rejetees).toEqual([]);
    expect(r.creees).toBe(0);
    expect(await p.base.db.$count(lieu)).toBe(avant);
  });

  it("limite un hub à son territoire et refuse les autres rôles", async () => {
    const hub = await connecterPersona(p, "hub.hubik@demo.conseiller-numerique.fr");
    const r = (await importer(hub, fichier([NOUVEAU]), "non")).json();
    expect(r.rejetees[0].erreurs[0].message).toBe("Ce lieu est hors de votre territoire.");
    const prefet = await connecterPersona(p, "prefet.62@demo.conseiller-numerique.fr");
    expect((await importer(prefet, fichier([NOUVEAU]), "non")).statusCode).toBe(403);
    const vide = await p.app.inject({
      method: "POST",
      url: "/api/lieux/import",
      headers: { cookie: admin, "content-type": "application/json" },
      payload: { lieux: [] },
    });
    expect(vide.statusCode).toBe(400);
    expect(vide.body).toContain("Le fichier JSON doit être une liste de lieux.");
  });
});
