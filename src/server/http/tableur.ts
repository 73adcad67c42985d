import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Executeur } from "../db/client.ts";
import {
  type Colonne,
  csvEnFlux,
  type EnteteExport,
  versCsv,
  versXlsx,
  xlsxEnFlux,
} from "../infra/export.ts";
import { acteurDeRequete, journaliser } from "../infra/journal.ts";
import { reponseFichier } from "./schemas.ts";

export const TYPE_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What every list's export answers: the file in the format asked. */
export const reponseTableurSchema = reponseFichier(
  "La liste en CSV (séparateur ;, UTF-8 avec BOM) ou en XLSX, en pièce jointe",
  ["text/csv", TYPE_XLSX],
);

/** The spreadsheet formats of every list's export. */
export const formatTableurSchema = z
  .enum(["csv", "xlsx"], { error: "Le format est csv ou xlsx." })
  .default("csv");

const enumerer = (valeurs: readonly string[]) =>
  new Intl.ListFormat("fr", { type: "disjunction" }).format(valeurs.map((v) => `« ${v} »`));

/**
 * The order of a server-sorted list, one of its named orders; the first one is the default, so a
 * list's address without `tri` shows what it always showed.
 */
export const triSchema = <T extends readonly [string, ...string[]]>(tris: T) =>
  z.enum(tris, { error: `L'ordre vaut ${enumerer(tris)}.` }).default(tris[0]);

/** A list's whole filtered set, ready to be written as a spreadsheet. */
export type Tableur<T> = {
  /** What the journal names the export after (`export.telecharge` on this target). */
  cible: string;
  /** File name without extension: letters, digits, `-` and `_` only. */
  fichier: string;
  feuille: string;
  colonnes: Colonne<T>[];
  lignes: T[];
  /** Lines above the XLSX table: who exported, the scope and the filters. */
  entete?: EnteteExport;
  /** Filters the journal keeps with the export. */
  details?: Record<string, unknown>;
};

/**
 * Sends a list's export as CSV (`;`, UTF-8 with BOM) or XLSX and journals who took it: every
 * download of personal or financial data leaves a trace, whichever list it comes from.
 */
export async function envoyerTableur<T>(
  db: Executeur,
  requete: FastifyRequest,
  reponse: FastifyReply,
  format: "csv" | "xlsx",
  t: Tableur<T>,
) {
  await journaliser(db, acteurDeRequete(requete), {
    action: "export.telecharge",
    cibleType: "export",
    cibleId: t.cible,
    apres: { format, lignes: t.lignes.length, ...t.details },
  });
  reponse.header("content-disposition", `attachment; filename="${t.fichier}.${format}"`);
  if (format === "csv")
    return reponse.type("text/csv; charset=utf-8").send(versCsv(t.colonnes, t.lignes));
  return reponse.type(TYPE_XLSX).send(await versXlsx(t.feuille, t.colonnes, t.lignes, t.entete));
}

/**
 * The same for a table too large to hold (millions of reports, the journal): the rows come in
 * batches and are written as they come; the journal keeps the filters, the count is not known.
 */
export async function envoyerTableurEnFlux<T>(
  db: Executeur,
  requete: FastifyRequest,
  reponse: FastifyReply,
  format: "csv" | "xlsx",
  t: Omit<Tableur<T>, "lignes"> & { lots: AsyncIterable<T[]> },
) {
  await journaliser(db, acteurDeRequete(requete), {
    action: "export.telecharge",
    cibleType: "export",
    cibleId: t.cible,
    apres: { format, ...t.details },
  });
  reponse.header("content-disposition", `attachment; filename="${t.fichier}.${format}"`);
  if (format === "csv")
    return reponse
      .type("text/csv; charset=utf-8")
      .send(Readable.from(csvEnFlux(t.colonnes, t.lots)));
  return reponse.type(TYPE_XLSX).send(xlsxEnFlux(t.feuille, t.colonnes, t.lots, t.entete));
}
