import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { structure } from "../db/schema.ts";
import { demarrerBanLocale } from "../test/ban-locale.ts";
import { plateformeDeTest } from "../test/plateforme.ts";
import { creerGeocodeur } from "./geocodeur.ts";

describe("géocodage par la Base adresse nationale", () => {
  let ban: Awaited<ReturnType<typeof demarrerBanLocale>>;
  beforeAll(async () => {
    ban = await demarrerBanLocale((q, citycode) => {
      if (q.includes("panne")) return { status: 500 };
      if (q.includes("douteuse")) return { coordonnees: [2.6, 50.5], score: 0.2, citycode };
      if (q.includes("ailleurs")) return { coordonnees: [2.6, 50.5], citycode: "75056" };
      if (q.startsWith("12 place jean")) {
        const lens = { citycode: "62498", codePostal: "62300", ville: "Lens", score: 0.35 };
        return [
          {
            ...lens,
            coordonnees: [2.8319, 50.4322],
            nom: "12 Place Jean Jaurès",
            type: "housenumber",
            label: "12 Place Jean Jaurès 62300 Lens",
          },
          { ...lens, coordonnees: [2.83, 50.43], nom: "Lens", type: "municipality", label: "Lens" },
          {
            coordonnees: [2.1, 48.8],
            nom: "12 Place Jean Jaurès",
            type: "housenumber",
            citycode: "99999",
            codePostal: "99999",
            ville: "Nulle part",
            label: "12 Place Jean Jaurès 99999 Nulle part",
          },
        ];
      }
      return { coordonnees: [2.6398, 50.5298], citycode };
    });
  });
  afterAll(() => ban.arreter());

  it("rend le point d'une adresse sûre, dans la bonne commune", async () => {
    const g = creerGeocodeur(ban.url);
    expect(await g.localiser("Place du Capitaine Ricquier", "62516")).toEqual({
      latitude: 50.5298,
      longitude: 2.6398,
    });
    const derniere = ban.requetes.at(-1)!;
    expect(derniere.pathname).toBe("/search");
    expect(derniere.searchParams.get("citycode")).toBe("62516");
  });

  it("ne casse jamais : réponse douteuse, autre commune, panne, service absent", async () => {
    const g = creerGeocodeur(ban.url);
    expect(await g.localiser("adresse douteuse", "62516")).toBeNull();
    expect(await g.localiser("adresse ailleurs", "62516")).toBeNull();
    expect(await g.localiser("panne", "62516")).toBeNull();
    expect(await creerGeocodeur("http://127.0.0.1:1").localiser("x", "62516")).toBeNull();
    expect(await creerGeocodeur(undefined).localiser("x", "62516")).toBeNull();
  });

  it("suggère des adresses de la BAN dans une commune, jamais une commune seule ni un code inconnu", async () => {
    const p = await plateformeDeTest("pglite", { GEOCODEUR_URL: ban.url });
    try {
      const r = await p.app.inject("/api/adresses?q=12%20place%20jean&communeCode=62498");
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual([
        {
          libelle: "12 Place Jean Jaurès 62300 Lens",
          adresse: "12 Place Jean Jaurès",
          codePostal: "62300",
          communeCode: "62498",
          commune: "Lens",
          latitude: 50.4322,
          longitude: 2.8319,
        },
      ]);
      const demande = ban.requetes.at(-1)!;
      expect(demande.searchParams.get("autocomplete")).toBe("1");
      expect(demande.searchParams.get("citycode")).toBe("62498");
      const court = await p.app.inject("/api/adresses?q=12");
      expect(court.statusCode).toBe(400);
      expect(court.json().erreurs[0].message).toBe("Indiquez au moins trois caractères.");
      expect((await p.app.inject("/api/adresses?q=panne%20rue")).json()).toEqual([]);
    } finally {
      await p.arreter();
    }
    // Without a geocoder the field stays plain: no suggestion, no error.
    const sans = await plateformeDeTest("pglite");
    try {
      const r = await sans.app.inject("/api/adresses?q=12%20place%20jean");
      expect([r.statusCode, r.json()]).toEqual([200, []]);
    } finally {
      await sans.arreter();
    }
  });

  it("localise une structure qui candidate", async () => {
    const p = await plateformeDeTest("pglite", { GEOCODEUR_URL: ban.url });
    try {
      const [appel] = (await p.app.inject("/api/amis/ouverts")).json() as { id: string }[];
      const r = await p.app.inject({
        method: "POST",
        url: "/api/candidatures-structures",
        payload: {
          amiId: appel!.id,
          identifiant: "73282932000074",
          typeJuridique: "commune",
          nom: "Commune de Nœux-les-Mines",
          adresse: "Place de la République",
          communeCode: "62617",
          contact: {
            prenom: "Luc",
            nom: "Roy",
            fonction: "Maire",
            email: "maire@noeux.example",
            telephone: "0321000001",
          },
          postesDemandes: 1,
          dateDebutSouhaitee: "2021-04-01",
          motivation: "Accompagner les habitants.",
          coordinateur: "non",
          engagement: true,
        },
      });
      expect(r.statusCode).toBe(202);
      const [s] = await p.base.db
        .select()
        .from(structure)
        .where(eq(structure.siret, "73282932000074"));
      expect([s?.latitude, s?.longitude]).toEqual([50.5298, 2.6398]);
    } finally {
      await p.arreter();
    }
  });
});
