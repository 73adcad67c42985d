import ExcelJS from "exceljs";

export type Colonne<T> = {
  titre: string;
  valeur: (ligne: T) => string | number | null | undefined;
};

/** A cell a spreadsheet would run as a formula is written as text (I8). */
function neutraliser(valeur: string): string {
  return /^[=+\-@\t\r]/.test(valeur) ? `'${valeur}` : valeur;
}

function celluleCsv(valeur: string | number | null | undefined): string {
  if (valeur === null || valeur === undefined) return "";
  if (typeof valeur === "number") return String(valeur).replace(".", ",");
  const texte = neutraliser(valeur);
  return /[;"\r\n]/.test(texte) ? `"${texte.replaceAll('"', '""')}"` : texte;
}

/** CSV as French spreadsheets open it: `;` separator, decimal comma, UTF-8 with BOM. */
export function versCsv<T>(colonnes: Colonne<T>[], lignes: T[]): Buffer {
  const texte = [
    colonnes.map((c) => celluleCsv(c.titre)),
    ...lignes.map((l) => colonnes.map((c) => celluleCsv(c.valeur(l)))),
  ]
    .map((cellules) => cellules.join(";"))
    .join("\r\n");
  return Buffer.from(`\uFEFF${texte}\r\n`, "utf8");
}

export async function versXlsx<T>(
  nomFeuille: string,
  colonnes: Colonne<T>[],
  lignes: T[],
): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  const feuille = classeur.addWorksheet(nomFeuille.slice(0, 31));
  feuille.columns = colonnes.map((c) => ({
    header: c.titre,
    width: Math.max(12, c.titre.length + 2),
  }));
  feuille.getRow(1).font = { bold: true };
  for (const l of lignes) {
    feuille.addRow(
      colonnes.map((c) => {
        const v = c.valeur(l);
        return typeof v === "string" ? neutraliser(v) : (v ?? null);
      }),
    );
  }
  return Buffer.from(await classeur.xlsx.writeBuffer());
}
