import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { versCsv, versXlsx } from "./export.ts";

type Ligne = { nom: string; n: number | null };
const colonnes = [
  { titre: "Nom", valeur: (l: Ligne) => l.nom },
  { titre: "Valeur", valeur: (l: Ligne) => l.n },
];

describe("exports", () => {
  it("écrit un CSV français : BOM, point-virgule, virgule décimale, guillemets au besoin", () => {
    const csv = versCsv(colonnes, [
      { nom: "Commune de Lillers", n: 2 },
      { nom: 'Association "Clic; Solidaire"', n: 1.5 },
      { nom: "Vide", n: null },
    ]).toString("utf8");
    expect(csv).toBe(
      '\uFEFFNom;Valeur\r\nCommune de Lillers;2\r\n"Association ""Clic; Solidaire""";1,5\r\nVide;\r\n',
    );
  });
  it("neutralise les formules dans le CSV comme dans le classeur", async () => {
    const piege = [
      { nom: '=HYPERLINK("http://pirate")', n: 1 },
      { nom: "@SUM(A1)", n: 2 },
      { nom: "-3+1", n: 3 },
    ];
    const csv = versCsv(colonnes, piege).toString("utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://pirate"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'-3+1");
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load((await versXlsx("Test", colonnes, piege)) as unknown as ArrayBuffer);
    const feuille = classeur.worksheets[0]!;
    expect(feuille.getRow(2).getCell(1).value).toBe(`'=HYPERLINK("http://pirate")`);
    expect(feuille.getRow(1).getCell(1).value).toBe("Nom");
    expect(feuille.getRow(4).getCell(2).value).toBe(3);
  });
});
