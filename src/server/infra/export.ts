import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

export type Colonne<T> = {
  titre: string;
  valeur: (ligne: T) => string | number | null | undefined;
};

/**
 * A cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is
 * written as text, with a leading apostrophe. A plain signed number (a longitude, a phone number
 * in the +33 form) cannot call anything and stays as it is, so open data keeps its standard.
 */
export function neutraliserFormule(valeur: string): string {
  if (!/^[=+\-@\t\r]/.test(valeur)) return valeur;
  return /^[+-]?\d+([.,]\d+)?$/.test(valeur) ? valeur : `'${valeur}`;
}

/**
 * The two CSV the platform writes, by one writer: for French spreadsheets (`;`, decimal comma,
 * UTF-8 with BOM: Excel opens it with its accents) and for open data (`,`, decimal point, no BOM:
 * what the reusers' tools expect).
 */
export type DialecteCsv = { separateur: ";" | ","; virguleDecimale: boolean; bom: boolean };
export const CSV_TABLEUR: DialecteCsv = { separateur: ";", virguleDecimale: true, bom: true };
export const CSV_OUVERT: DialecteCsv = { separateur: ",", virguleDecimale: false, bom: false };

function celluleCsv(valeur: string | number | null | undefined, d: DialecteCsv): string {
  if (valeur === null || valeur === undefined) return "";
  if (typeof valeur === "number")
    return d.virguleDecimale ? String(valeur).replace(".", ",") : String(valeur);
  const texte = neutraliserFormule(valeur);
  const aProteger = d.separateur === ";" ? /[;"\r\n]/ : /[,"\r\n]/;
  return aProteger.test(texte) ? `"${texte.replaceAll('"', '""')}"` : texte;
}

const ligneCsv = <T>(colonnes: Colonne<T>[], l: T, d: DialecteCsv) =>
  `${colonnes.map((c) => celluleCsv(c.valeur(l), d)).join(d.separateur)}\r\n`;

const enteteCsv = <T>(colonnes: Colonne<T>[], d: DialecteCsv) =>
  `${d.bom ? "\uFEFF" : ""}${colonnes.map((c) => celluleCsv(c.titre, d)).join(d.separateur)}\r\n`;

/** A whole table as CSV text, in the given dialect (French spreadsheets by default). */
export function texteCsv<T>(colonnes: Colonne<T>[], lignes: T[], d = CSV_TABLEUR): string {
  return enteteCsv(colonnes, d) + lignes.map((l) => ligneCsv(colonnes, l, d)).join("");
}

/** CSV as French spreadsheets open it: `;` separator, decimal comma, UTF-8 with BOM. */
export function versCsv<T>(colonnes: Colonne<T>[], lignes: T[]): Buffer {
  return Buffer.from(texteCsv(colonnes, lignes), "utf8");
}

/**
 * Who exported, when, which scope and filters (docs/domaine/statistiques-et-opendata.md §3): lines above the
 * table, then an empty line.
 */
export type EnteteExport = string[];

/** Integer cents as euros with two decimals, the number accounting software reads. */
export const enEuros = (cents: number) => Math.round(cents) / 100;

/** An instant as a French spreadsheet reader expects it: Paris time, day first; empty if none. */
export const instantParis = (d: Date | null) =>
  d ? d.toLocaleString("fr-FR", { timeZone: "Europe/Paris" }) : "";

/** The first line of every export's header: who exported and when (Paris time). */
export function exportePar(u: { prenom: string; nom: string }, maintenant: Date): string {
  return `Exporté par ${u.prenom} ${u.nom} le ${instantParis(maintenant)}`;
}

export async function versXlsx<T>(
  nomFeuille: string,
  colonnes: Colonne<T>[],
  lignes: T[],
  entete: EnteteExport = [],
): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  const feuille = classeur.addWorksheet(nomFeuille.slice(0, 31));
  for (const ligne of entete) feuille.addRow([ligne]);
  if (entete.length > 0) feuille.addRow([]);
  const titres = feuille.addRow(colonnes.map((c) => c.titre));
  titres.font = { bold: true };
  colonnes.forEach((c, i) => {
    feuille.getColumn(i + 1).width = Math.max(12, c.titre.length + 2);
  });
  for (const l of lignes) {
    feuille.addRow(
      colonnes.map((c) => {
        const v = c.valeur(l);
        return typeof v === "string" ? neutraliserFormule(v) : (v ?? null);
      }),
    );
  }
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

/**
 * The same CSV, written batch by batch as the rows are read: a million rows leave without the
 * server holding them (docs/domaine/statistiques-et-opendata.md §3).
 */
export async function* csvEnFlux<T>(
  colonnes: Colonne<T>[],
  lots: AsyncIterable<T[]>,
): AsyncGenerator<string> {
  yield enteteCsv(colonnes, CSV_TABLEUR);
  for await (const lot of lots) yield lot.map((l) => ligneCsv(colonnes, l, CSV_TABLEUR)).join("");
}

/** XLSX through exceljs's streaming writer: each row is committed to the output as it comes. */
export function xlsxEnFlux<T>(
  nomFeuille: string,
  colonnes: Colonne<T>[],
  lots: AsyncIterable<T[]>,
  entete: EnteteExport = [],
): NodeJS.ReadableStream {
  const sortie = new PassThrough();
  const classeur = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sortie });
  const feuille = classeur.addWorksheet(nomFeuille.slice(0, 31));
  for (const ligne of entete) feuille.addRow([ligne]).commit();
  if (entete.length > 0) feuille.addRow([]).commit();
  const titres = feuille.addRow(colonnes.map((c) => c.titre));
  titres.font = { bold: true };
  titres.commit();
  void (async () => {
    try {
      for await (const lot of lots) {
        for (const l of lot) {
          feuille
            .addRow(
              colonnes.map((c) => {
                const v = c.valeur(l);
                return typeof v === "string" ? neutraliserFormule(v) : (v ?? null);
              }),
            )
            .commit();
        }
      }
      feuille.commit();
      await classeur.commit();
    } catch (erreur) {
      sortie.destroy(erreur as Error);
    }
  })();
  return sortie;
}
