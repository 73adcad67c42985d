import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ArchiveRefusee, verifierArchive } from "../infra/archive-zip.ts";
import { LIMITES_REQUETE } from "./entrees.ts";
import { ErreurMetier } from "./erreurs.ts";

const TYPES_TABLEURS: Record<string, "csv" | "xlsx"> = {
  "text/csv": "csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};
export const TAILLE_MAX_TABLEUR = LIMITES_REQUETE.fichierOctets;

/** Spreadsheets are sent as the request body (imports of decisions, of training results). */
export function accepterTableurs(app: FastifyInstance): void {
  for (const type of Object.keys(TYPES_TABLEURS)) {
    app.addContentTypeParser(
      type,
      { parseAs: "buffer", bodyLimit: TAILLE_MAX_TABLEUR },
      (_requete, corps, fini) => fini(null, corps),
    );
  }
}

/** The rows of the spreadsheet a request carries; a 415 or a 400 in French otherwise. */
export async function tableurDeRequete(requete: FastifyRequest): Promise<LigneBrute[]> {
  const type = String(requete.headers["content-type"]).split(";")[0]!.trim();
  const format = TYPES_TABLEURS[type];
  if (!format || !Buffer.isBuffer(requete.body)) {
    throw new ErreurMetier(415, [{ champ: "fichier", message: "Envoyez un fichier CSV ou XLSX." }]);
  }
  try {
    return await lireTableur(requete.body, format);
  } catch (erreur) {
    if (erreur instanceof ArchiveRefusee)
      throw new ErreurMetier(413, [{ champ: "fichier", message: erreur.message }]);
    throw new ErreurMetier(400, [
      { champ: "fichier", message: "Ce fichier ne peut pas être lu : vérifiez son format." },
    ]);
  }
}

export type LigneBrute = Record<string, string | undefined>;

/** Header names as code: lower case, no accents, `_` between words ("Structure ID" → structure_id). */
function cle(entete: string): string {
  return entete
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** Reads a CSV (`;` or `,`, UTF-8 with or without BOM) or an XLSX file into rows keyed by header. */
export async function lireTableur(contenu: Buffer, format: "csv" | "xlsx"): Promise<LigneBrute[]> {
  if (format === "csv") {
    const texte = contenu.toString("utf8").replace(/^\uFEFF/, "");
    const premiere = texte.split(/\r?\n/, 1)[0] ?? "";
    const separateur =
      (premiere.match(/;/g)?.length ?? 0) >= (premiere.match(/,/g)?.length ?? 0) ? ";" : ",";
    return parse(texte, {
      delimiter: separateur,
      columns: (entetes: string[]) => entetes.map(cle),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as LigneBrute[];
  }
  // Checked before parsing (a few kilobytes may unpack to gigabytes), then read as a stream:
  // memory follows a row, not the file.
  verifierArchive(contenu);
  const lecteur = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([contenu]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });
  const lignes: LigneBrute[] = [];
  for await (const feuille of lecteur) {
    const entetes: string[] = [];
    for await (const rangee of feuille as AsyncIterable<ExcelJS.Row>) {
      if (entetes.length === 0 && rangee.number === 1) {
        rangee.eachCell((cellule, colonne) => {
          entetes[colonne] = cle(String(cellule.text ?? ""));
        });
        continue;
      }
      const ligne: LigneBrute = {};
      rangee.eachCell((cellule, colonne) => {
        const nom = entetes[colonne];
        if (nom) ligne[nom] = String(cellule.text ?? "").trim();
      });
      if (Object.values(ligne).some((v) => v)) lignes.push(ligne);
    }
    break; // The first sheet only.
  }
  return lignes;
}
