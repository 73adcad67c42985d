import { and, count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beneficiaire, journal } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";
const ENTETE =
  "Prénom;Nom;Date de naissance;Commune;Code postal;Téléphone;Email;Genre;Statut;Partage";

describe.each(BASES_DE_TEST)("import de personnes suivies sur %s", (type) => {
  let p: PlateformeDeTest;
  let cookie: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    cookie = await connecterPersona(p, CONSEILLERE);
  });
  afterAll(() => p.arreter());

  const importer = (corps: string | Buffer, requete: string, contentType = "text/csv") =>
    p.app.inject({
      method: "POST",
      url: `/api/beneficiaires/import?${requete}`,
      headers: { cookie, "content-type": contentType },
      payload: corps,
    });
  const nombre = async () => (await p.base.db.select({ n: count() }).from(beneficiaire))[0]!.n;

  it("essaie d'abord, dit chaque erreur de chaque ligne, n'applique qu'un fichier sans erreur, et ne crée personne deux fois", async () => {
    const fautif = [
      ENTETE,
      "Josiane;Lefèvre;12/05/1950;Lens;62300;06 11 22 33 44;;Femme;Retraitée;oui",
      "Kevin;;2031;Saint-Étienne;;12;pas-une-adresse;Z;;peut-être",
      "josiane;LEFEVRE;1950;;;;;;;",
    ].join("\n");
    const avant = await nombre();
    const sansAccord = await importer(fautif, "appliquer=oui");
    expect(sansAccord.statusCode).toBe(400);
    expect(sansAccord.json().erreurs[0].message).toContain("a été informée");

    const essai = await importer(fautif, "appliquer=oui&informees=oui");
    expect(essai.statusCode, essai.body).toBe(200);
    const r = essai.json();
    expect(r).toMatchObject({ lignes: 3, valides: 1, applique: false, dejaSuivies: [] });
    expect(r.rejetees.map((l: { ligne: number }) => l.ligne)).toEqual([3, 4]);
    const champs = r.rejetees[0].erreurs.map((e: { champ: string }) => e.champ).sort();
    expect(champs).toEqual(["commune", "email", "genre", "nom", "partage", "telephone"]);
    expect(r.rejetees[1].erreurs).toEqual([
      { champ: "nom", message: "Même personne qu'à la ligne 2." },
    ]);
    expect(await nombre()).toBe(avant);

    // The same persons, well written, as an XLSX: tried, then applied.
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet("Personnes");
    feuille.addRow(ENTETE.split(";"));
    feuille.addRow([
      "Josiane",
      "Lefèvre",
      "12/05/1950",
      "Lens",
      "62300",
      "06 11 22 33 44",
      "",
      "Femme",
      "Retraitée",
      "oui",
    ]);
    feuille.addRow(["Kevin", "Nguyễn", "", "", "", "", "kevin@exemple.fr", "", "", ""]);
    const xlsx = Buffer.from(await classeur.xlsx.writeBuffer());
    const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const simule = (await importer(xlsx, "informees=oui", type)).json();
    expect(simule).toMatchObject({ lignes: 2, valides: 2, applique: false, rejetees: [] });
    expect(await nombre()).toBe(avant);
    const applique = (await importer(xlsx, "appliquer=oui&informees=oui", type)).json();
    expect(applique).toMatchObject({ valides: 2, applique: true });
    expect(await nombre()).toBe(avant + 2);
    const [josiane] = await p.base.db
      .select()
      .from(beneficiaire)
      .where(eq(beneficiaire.nom, "Lefèvre"));
    expect(josiane).toMatchObject({
      anneeNaissance: 1950,
      communeCode: "62498",
      telephone: "0611223344",
      genre: "feminin",
      statut: "retraite",
      partageStructure: true,
    });
    const traces = await p.base.db
      .select({ n: count() })
      .from(journal)
      .where(and(eq(journal.action, "beneficiaire.cree"), eq(journal.origine, "import")));
    expect(traces[0]!.n).toBe(2);

    // Run twice, the file creates nobody twice: both are reported as already followed.
    const encore = (await importer(xlsx, "appliquer=oui&informees=oui", type)).json();
    expect(encore).toMatchObject({ valides: 0, applique: false });
    expect(encore.dejaSuivies).toEqual([
      { ligne: 2, nom: "Josiane Lefèvre" },
      { ligne: 3, nom: "Kevin Nguyễn" },
    ]);
    expect(await nombre()).toBe(avant + 2);
  });
});
