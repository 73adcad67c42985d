import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lignes } from "../db/client.ts";
import { lieu } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

/** A regional network's export, written the way field files are: no INSEE code, names as typed. */
const ENTETE =
  "id,source,pivot,nom,commune,code_postal,adresse,latitude,longitude,services,frais_a_charge,date_maj";
const TERRAIN = [
  // Same address, three organisations, the standard's "no SIRET" placeholder on each.
  "r1,reseau-alpes,00000000000000,Médiathèque Bonlieu,Annecy Cedex 03,74003,1 rue Jean Jaurès,45.9009,6.1255,Accès internet et matériel informatique,Gratuit,2026-09-01",
  "r2,reseau-alpes,00000000000000,Centre socio-culturel des Teppes,ANNECY,74000,1 rue Jean Jaures,45.90092,6.12552,Aide aux démarches administratives,Gratuit,2026-09-01",
  "r3,reseau-alpes,,Association Numérique pour Tous,Annecy,74000,1 rue Jean-Jaurès,45.90091,6.12551,Maîtrise des outils numériques du quotidien,Payant,2026-09-01",
  "r4,reseau-alpes,non renseigné,Espace France services,St Etienne,42000,2 place de l'Hôtel de Ville,45.4397,4.3872,Aide aux démarches administratives,Gratuit,2026-09-01",
  "r5,reseau-alpes,00000000000000,Maison de quartier,SAINT ETIENNE,42100,10 rue de la Paix,45.43,4.40,Aide aux démarches administratives,Gratuit,2026-09-01",
  "r6,reseau-alpes,00000000000000,Tiers-lieu du Lac,Aix les bains,73100,5 avenue du Lac,45.688,5.915,Loisirs et créations numériques,Gratuit,2026-09-01",
  "r7,reseau-alpes,00000000000000,Point numérique,Chambery,73000,3 place du Palais de Justice,45.566,5.921,Aide aux démarches administratives,Gratuit,2026-09-01",
  "r8,reseau-alpes,00000000000000,Bureau d'information,CHAMONIX,74400,85 place du Triangle de l'Amitié,45.923,6.869,Aide aux démarches administratives,Gratuit,2026-09-01",
  // The same library written twice by the network, later and with the contrary fee.
  "r9,reseau-alpes,00000000000000,MEDIATHEQUE BONLIEU,Annecy,74000,1 rue Jean Jaurès,45.90091,6.12552,Aide aux démarches administratives,Payant,2026-10-01",
  // A commune name that is a former commune (merged into Annecy in 2017).
  "r10,reseau-alpes,00000000000000,Maison des habitants,Seynod,74600,12 avenue de Champ Fleuri,45.886,6.095,Aide aux démarches administratives,Gratuit,2026-09-01",
  // Two Saint-Denis, and a postcode that names neither: ambiguous, refused with the candidates.
  "r11,reseau-alpes,00000000000000,Lieu sans département,Saint-Denis,75000,1 rue,48.9,2.3,Aide aux démarches administratives,Gratuit,2026-09-01",
];

describe.each(BASES_DE_TEST)("import d'un fichier de lieux du terrain sur %s", (type) => {
  let p: PlateformeDeTest;
  let admin: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    admin = await connecterPersona(p, "admin@demo.conseiller-numerique.fr");
  });
  afterAll(() => p.arreter());

  const importer = (enregistrements: string[], query: string) =>
    p.app.inject({
      method: "POST",
      url: `/api/lieux/import?${query}`,
      headers: { cookie: admin, "content-type": "text/csv" },
      payload: [ENTETE, ...enregistrements].join("\n"),
    });

  it("lit les communes écrites à la main, n'unit rien sans preuve, applique les lignes valides et rend le rapport des autres", async () => {
    const avant = await p.base.db.$count(lieu);
    // Dry run: both counts, nothing written.
    const essai = await importer(TERRAIN, "appliquer=non&mode=lignes-valides");
    expect(essai.statusCode, essai.body).toBe(200);
    const rapport = essai.json();
    expect(rapport).toMatchObject({ lignes: 11, valides: 10, applique: false });
    expect(rapport.rejetees).toHaveLength(1);
    const [rejet] = rapport.rejetees;
    // Header is line 1: the 11th record is line 12.
    expect(rejet.ligne).toBe(12);
    expect(rejet.erreurs[0].message).toMatch(
      /plusieurs communes : .*Saint-Denis \(93\).*Saint-Denis \(974\)/,
    );
    expect(rejet.valeurs.nom).toBe("Lieu sans département");
    expect(await p.base.db.$count(lieu)).toBe(avant);

    // All or nothing refuses the whole file for one bad row.
    const refus = (await importer(TERRAIN, "appliquer=oui")).json();
    expect(refus.applique).toBe(false);
    expect(await p.base.db.$count(lieu)).toBe(avant);

    const r = (await importer(TERRAIN, "appliquer=oui&mode=lignes-valides")).json();
    expect(r).toMatchObject({ applique: true, doublonsDuFichier: 1 });
    // The library written twice is one place; the two others at its address stay apart.
    expect(r.creees).toBe(9);
    expect(await p.base.db.$count(lieu)).toBe(avant + 9);
    const annecy = await p.base.db
      .select({ nom: lieu.nom, courriels: lieu.courriels, frais: lieu.fraisACharge })
      .from(lieu)
      .where(eq(lieu.communeCode, "74010"));
    expect(annecy.map((l) => l.nom).sort()).toEqual(
      [
        "Association Numérique pour Tous",
        "Centre socio-culturel des Teppes",
        "MEDIATHEQUE BONLIEU",
        "Maison des habitants",
        "Bureau d'information",
      ]
        .filter((n) => n !== "Bureau d'information")
        .sort(),
    );
    // "Gratuit" and "Payant" are never united: the newest record wins, the report says so.
    const bonlieu = annecy.find((l) => l.nom === "MEDIATHEQUE BONLIEU")!;
    expect(bonlieu.frais).toEqual(["Payant"]);
    expect(r.contradictions).toEqual([
      expect.objectContaining({ champ: "frais_a_charge", garde: "Payant", ecarte: "Gratuit" }),
    ]);
    const communes = await lignes<{ nom: string; commune_code: string }>(
      p.base.db,
      sql`select l.nom, l.commune_code from lieu l
      where l.nom in ('Espace France services', 'Maison de quartier', 'Tiers-lieu du Lac',
        'Point numérique', 'Bureau d''information')`,
    );
    const parNom = Object.fromEntries(communes.map((x) => [x.nom, x.commune_code]));
    expect(parNom).toEqual({
      "Espace France services": "42218",
      "Maison de quartier": "42218",
      "Tiers-lieu du Lac": "73008",
      "Point numérique": "73065",
      "Bureau d'information": "74056",
    });

    // The report of the rejected rows, to open next to the file.
    const csv = await p.app.inject({
      method: "POST",
      url: "/api/lieux/import/rejets",
      headers: { cookie: admin, "content-type": "text/csv" },
      payload: [ENTETE, ...TERRAIN].join("\n"),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lignesCsv = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lignesCsv[0]).toMatch(/^ligne;champ;message;id;source;pivot;nom/);
    expect(lignesCsv).toHaveLength(2);
    expect(lignesCsv[1]).toMatch(/^12;commune;.*Lieu sans département/);

    // Importing the same file again (or a newer export of the source) creates nothing twice.
    const encore = (await importer(TERRAIN, "appliquer=oui&mode=lignes-valides")).json();
    expect(encore).toMatchObject({ applique: true, creees: 0 });
    expect(await p.base.db.$count(lieu)).toBe(avant + 9);
    const renomme = TERRAIN.slice(0, 10).map((l) =>
      l.startsWith("r7,") ? l.replace("Point numérique", "Espace numérique du Palais") : l,
    );
    const plusRecent = (await importer(renomme, "appliquer=oui")).json();
    expect(plusRecent).toMatchObject({ applique: true, creees: 0 });
    const [palais] = await p.base.db
      .select({ nom: lieu.nom })
      .from(lieu)
      .where(inArray(lieu.nom, ["Point numérique", "Espace numérique du Palais"]));
    expect(palais?.nom).toBe("Espace numérique du Palais");
    expect(await p.base.db.$count(lieu)).toBe(avant + 9);

    // A file that repeats an identifier (twice the same row) imports, and once.
    const repete = (await importer([TERRAIN[0]!, TERRAIN[0]!], "appliquer=oui")).json();
    expect(repete).toMatchObject({ applique: true, creees: 0, doublonsDuFichier: 1 });
    expect(await p.base.db.$count(lieu)).toBe(avant + 9);

    // Open data already lists them: regenerated by the import.
    const ouvertes = (await p.app.inject({ url: "/donnees/lieux.csv" })).body;
    expect(ouvertes).toContain("Centre socio-culturel des Teppes");
  });
});
