import { and, eq } from "drizzle-orm";
import type { Executeur } from "../db/client.ts";
import { donneeOuverte } from "../db/schema.ts";

/** The files generated so far, without their content. */
export function fichiersGeneres(db: Executeur) {
  return db
    .select({
      nom: donneeOuverte.nom,
      format: donneeOuverte.format,
      lignes: donneeOuverte.lignes,
      genereLe: donneeOuverte.genereLe,
    })
    .from(donneeOuverte);
}

/** One generated file with its content; null until its first generation. */
export async function fichierGenere(db: Executeur, nom: string, format: "csv" | "json") {
  const [f] = await db
    .select()
    .from(donneeOuverte)
    .where(and(eq(donneeOuverte.nom, nom), eq(donneeOuverte.format, format)));
  return f ?? null;
}
