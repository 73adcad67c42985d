import { createRequire } from "node:module";
import type { FastifyReply } from "fastify";
import PDFDocument from "pdfkit";
import { reponseFichier } from "./schemas.ts";

/** What a PDF download answers. */
export const reponsePdfSchema = reponseFichier("Le document PDF, en pièce jointe", [
  "application/pdf",
]);

/** A PDF served as a download, never rendered inline by the browser on our origin. */
export function envoyerPdf(reponse: FastifyReply, fichier: { nom: string; contenu: Buffer }) {
  return reponse
    .header("content-type", "application/pdf")
    .header(
      "content-disposition",
      `attachment; filename="${encodeURIComponent(fichier.nom.endsWith(".pdf") ? fichier.nom : `${fichier.nom}.pdf`)}"`,
    )
    .send(fichier.contenu);
}

const require = createRequire(import.meta.url);
/**
 * The State's typeface, embedded: it covers the names people are given (Œ, Ł, ễ…), where the
 * PDF standard fonts stop at Latin-1 and would print them wrong.
 */
const MARIANNE = {
  normal: require.resolve("@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Regular.woff"),
  gras: require.resolve("@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Bold.woff"),
};

/** An A4 document drawn on the server in Marianne (`normal`, `gras`), as one buffer. */
export function documentPdf(
  titre: string,
  dessiner: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  return new Promise((ok, ko) => {
    const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: titre, Author: "ANCT" } });
    doc.registerFont("normal", MARIANNE.normal);
    doc.registerFont("gras", MARIANNE.gras);
    doc.font("normal");
    const morceaux: Buffer[] = [];
    doc.on("data", (m: Buffer) => morceaux.push(m));
    doc.on("end", () => ok(Buffer.concat(morceaux)));
    doc.on("error", ko);
    dessiner(doc);
    doc.end();
  });
}

/** Marianne has no narrow no-break space (French thousands): a no-break space stands in. */
export const textePdf = (texte: string) => texte.replace(/\u202f/g, "\u00a0");
