import { count, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { courriel, demandePostes, journal, poste, structure } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  EMAIL_ADMIN,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";
import { archiveZip, zerosCompresses } from "../test/zip.ts";

const LILLERS = "21620516100013";
const CALONNE = "21620193900016";
const LAVENTIE = "21620491700019";

describe.each(BASES_DE_TEST)("import des décisions du comité sur %s", (type) => {
  let p: PlateformeDeTest;
  let admin: string;

  beforeEach(async () => {
    p = await plateformeDeTest(type);
    admin = await connecterPersona(p, EMAIL_ADMIN);
    // Three demo structures have a filed application awaiting the committee.
    const s = await p.base.db
      .select()
      .from(structure)
      .where(inArray(structure.siret, [LILLERS, CALONNE, LAVENTIE]));
    await p.base.db
      .update(structure)
      .set({ contactEmail: "contact@lillers.example", contactPrenom: "Anne" })
      .where(eq(structure.siret, LILLERS));
    await p.base.db.insert(demandePostes).values(
      s.map((x) => ({
        structureId: x.id,
        nature: "initiale" as const,
        statut: "deposee" as const,
        postesDemandes: 2,
      })),
    );
    await p.app.inject({
      method: "POST",
      url: "/api/comites",
      headers: { cookie: admin },
      payload: { numero: 20, date: "2021-05-31" },
    });
  });
  afterEach(() => p.arreter());

  const importer = (corps: string | Buffer, appliquer: "oui" | "non", contentType = "text/csv") =>
    p.app.inject({
      method: "POST",
      url: `/api/comites/import?appliquer=${appliquer}`,
      headers: { cookie: admin, "content-type": contentType },
      payload: corps,
    });
  const postes = async () => (await p.base.db.select({ n: count() }).from(poste))[0]!.n;

  it("rend un rapport ligne par ligne et n'applique rien s'il reste une erreur", async () => {
    const csv = `\uFEFFsiret;decision;postes;coselec\n${LILLERS};Acceptée;2;COSELEC 20\n${CALONNE};refusée;;20\n123;oui;;20\n73282932000074;acceptée;1;20\n${LAVENTIE};acceptée;1;99\n`;
    const avant = await postes();
    const r = await importer(csv, "oui");
    expect(r.statusCode).toBe(200);
    const rapport = r.json();
    expect(rapport).toMatchObject({ lignes: 5, valides: 2, postes: 2, applique: false });
    expect(rapport.rejetees.map((x: { ligne: number }) => x.ligne)).toEqual([4, 5, 6]);
    expect(rapport.rejetees[1].erreurs[0].message).toBe(
      "Aucune structure ne porte cet identifiant.",
    );
    expect(rapport.rejetees[2].erreurs[0].message).toBe("La session COSELEC 99 n'existe pas.");
    expect(await postes()).toBe(avant);
  });

  it("applique tout en une fois : décisions, postes, statuts, journal, invitation et courriels", async () => {
    const avant = await postes();
    const csv = `siret,decision,postes,coselec\n${LILLERS},acceptée,2,20\n${CALONNE},refusée,,20\n`;
    const apercu = await importer(csv, "non");
    expect(apercu.json()).toMatchObject({ valides: 2, applique: false });
    expect(await postes()).toBe(avant);
    const r = await importer(csv, "oui");
    expect(r.json()).toMatchObject({
      lignes: 2,
      valides: 2,
      postes: 2,
      applique: true,
      rejetees: [],
    });
    expect(await postes()).toBe(avant + 2);
    const [lillers] = await p.base.db.select().from(structure).where(eq(structure.siret, LILLERS));
    const crees = await p.base.db.select().from(poste).where(eq(poste.structureId, lillers!.id));
    expect(crees.map((x) => [x.plafondCents, x.dateLimiteRecrutement])).toEqual([
      [5_000_000, "2021-06-30"],
      [5_000_000, "2021-06-30"],
    ]);
    const statuts = await p.base.db
      .select({ statut: demandePostes.statut })
      .from(demandePostes)
      .innerJoin(structure, eq(structure.id, demandePostes.structureId))
      .where(inArray(structure.siret, [LILLERS, CALONNE]));
    expect(statuts.map((x) => x.statut).sort()).toEqual(["acceptee", "refusee"]);
    const traces = await p.base.db.select().from(journal).where(eq(journal.origine, "import"));
    expect(traces.map((t) => t.action).sort()).toEqual([
      "demande.acceptee",
      "demande.refusee",
      "habilitation.ajoutee",
      "structure.postes_attribues",
    ]);
    const mails = await p.base.db
      .select()
      .from(courriel)
      .where(eq(courriel.destinataire, "contact@lillers.example"));
    expect(mails.map((m) => m.modele).sort()).toEqual(["decision_comite", "invitation"]);
    const prefet = await p.base.db
      .select()
      .from(courriel)
      .where(eq(courriel.destinataire, "prefet.62@demo.conseiller-numerique.fr"));
    expect(prefet.some((m) => m.modele === "decisions_comite_territoire")).toBe(true);

    // Played again, the same file finds nothing left to decide.
    const encore = await importer(csv, "oui");
    expect(encore.json()).toMatchObject({ valides: 0, applique: false });
  });

  it("lit aussi un classeur XLSX", async () => {
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet("Décisions");
    feuille.addRow(["SIRET", "Décision", "Postes", "COSELEC"]);
    feuille.addRow([LAVENTIE, "Examen complémentaire", "", "COSELEC 20"]);
    const contenu = Buffer.from(await classeur.xlsx.writeBuffer());
    const r = await importer(
      contenu,
      "oui",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(r.json()).toMatchObject({ lignes: 1, valides: 1, postes: 0, applique: true });
  });

  it("refuse un classeur qui exploserait en mémoire (bombe de décompression) par un 413 en français", async () => {
    const octets = 1536 * 1024 * 1024;
    const bombe = archiveZip([
      {
        nom: "xl/worksheets/sheet1.xml",
        compresse: await zerosCompresses(octets),
        decompresseAnnonce: octets,
      },
    ]);
    const r = await importer(
      bombe,
      "oui",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(r.statusCode).toBe(413);
    expect(r.json().erreurs[0]).toEqual({
      champ: "fichier",
      message: "Ce classeur occuperait 1536 Mo une fois ouvert (100 Mo au plus).",
    });
  });

  it("refuse un fichier d'un autre type ou illisible", async () => {
    const json = await p.app.inject({
      method: "POST",
      url: "/api/comites/import",
      headers: { cookie: admin },
      payload: { siret: LILLERS },
    });
    expect(json.statusCode).toBe(415);
    const illisible = await importer(
      Buffer.from("pas un classeur"),
      "non",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(illisible.statusCode).toBe(400);
    expect(illisible.json().erreurs[0].message).toBe(
      "Ce fichier ne peut pas être lu : vérifiez son format.",
    );
  });
});
