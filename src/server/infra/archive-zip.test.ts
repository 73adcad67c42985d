import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { archiveZip, zerosCompresses } from "../test/zip.ts";
import { ArchiveRefusee, LIMITES_ARCHIVE, verifierArchive } from "./archive-zip.ts";

describe("archive d'un classeur", () => {
  it("laisse passer un vrai classeur", async () => {
    const classeur = new ExcelJS.Workbook();
    classeur.addWorksheet("Décisions").addRow(["SIRET", "Décision"]);
    const contenu = Buffer.from(await classeur.xlsx.writeBuffer());
    expect(() => verifierArchive(contenu)).not.toThrow();
  });

  it("refuse une bombe par la taille qu'elle annonce, avant de rien décompresser", async () => {
    const octets = LIMITES_ARCHIVE.octetsDecompresses + 1024 * 1024;
    const bombe = archiveZip([
      {
        nom: "xl/worksheets/sheet1.xml",
        compresse: await zerosCompresses(octets),
        decompresseAnnonce: octets,
      },
    ]);
    expect(bombe.length).toBeLessThan(1024 * 1024);
    expect(() => verifierArchive(bombe)).toThrow(ArchiveRefusee);
    expect(() => verifierArchive(bombe)).toThrow(/Mo une fois ouvert/);
  });

  it("refuse une archive qui ment sur sa taille décompressée", async () => {
    const menteuse = archiveZip([
      {
        nom: "xl/worksheets/sheet1.xml",
        compresse: await zerosCompresses(20 * 1024 * 1024),
        decompresseAnnonce: 1_000,
      },
    ]);
    expect(() => verifierArchive(menteuse)).toThrow(/plus volumineux une fois ouvert/);
  });

  it("refuse une archive de milliers de fichiers", async () => {
    const vide = await zerosCompresses(1);
    const entrees = Array.from({ length: LIMITES_ARCHIVE.entrees + 1 }, (_, i) => ({
      nom: `f${i}`,
      compresse: vide,
      decompresseAnnonce: 1,
    }));
    expect(() => verifierArchive(archiveZip(entrees))).toThrow(/fichiers internes/);
  });
});
