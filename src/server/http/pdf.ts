import type { FastifyReply } from "fastify";
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
