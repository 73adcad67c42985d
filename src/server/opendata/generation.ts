import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { donneeOuverte } from "../db/schema.ts";
import { CSV_OUVERT, texteCsv } from "../infra/export.ts";
import { type Colonne, JEUX, type JeuDeDonnees } from "./jeux.ts";

export const FORMATS_OUVERTS = ["csv", "json"] as const;
export type FormatOuvert = (typeof FORMATS_OUVERTS)[number];

/** Open-data CSV: comma, decimal point, UTF-8 without BOM, by the platform's one CSV writer. */
export function versCsvOuvert(colonnes: Colonne[], lignes: Record<string, unknown>[]): string {
  return texteCsv(
    colonnes.map((c) => ({
      titre: c.nom,
      valeur: (l: Record<string, unknown>) => cellule(l[c.nom]),
    })),
    lignes,
    CSV_OUVERT,
  );
}

const cellule = (v: unknown): string | number | null =>
  v === null || v === undefined ? null : typeof v === "number" ? v : String(v);

function versJson(jeu: JeuDeDonnees, lignes: Record<string, unknown>[], genereLe: Date): string {
  if (jeu.jsonListe) return JSON.stringify(lignes);
  return JSON.stringify({
    titre: jeu.titre,
    description: jeu.description,
    date_generation: genereLe.toISOString(),
    licence: "Licence Ouverte / Open Licence version 2.0",
    dictionnaire: jeu.colonnes,
    donnees: lignes,
  });
}

const etagDe = (contenu: string) =>
  `"${createHash("sha256").update(contenu).digest("base64url").slice(0, 27)}"`;

/**
 * Regenerates every open-data file and stores it with its ETag and date, one transaction per
 * set so a failing set leaves the others — and its own previous file — in place.
 */
export async function genererDonneesOuvertes(db: Db, maintenant: Date): Promise<void> {
  for (const jeu of JEUX) {
    await db.transaction(async (tx) => {
      const lignes = await jeu.lignes(tx);
      const fichiers: Record<FormatOuvert, string> = {
        csv: versCsvOuvert(jeu.colonnes, lignes),
        json: versJson(jeu, lignes, maintenant),
      };
      for (const format of FORMATS_OUVERTS) {
        const contenu = fichiers[format];
        await tx
          .insert(donneeOuverte)
          .values({
            nom: jeu.nom,
            format,
            contenu,
            etag: etagDe(contenu),
            lignes: lignes.length,
            genereLe: maintenant,
          })
          .onConflictDoUpdate({
            target: [donneeOuverte.nom, donneeOuverte.format],
            set: {
              contenu: sql`excluded.contenu`,
              etag: sql`excluded.etag`,
              lignes: sql`excluded.lignes`,
              genereLe: sql`excluded.genere_le`,
            },
          });
      }
    });
  }
}

/**
 * Regenerates the files unless every one of them is younger than `ageMaxMs`: a restart does not
 * recompute national files the hourly job made a few minutes ago.
 */
export async function genererDonneesOuvertesSiPerimees(
  db: Db,
  maintenant: Date,
  ageMaxMs: number,
): Promise<boolean> {
  const [etat] = await db
    .select({
      fichiers: sql<number>`count(*)::int`,
      plusAncien: sql<string | null>`min(${donneeOuverte.genereLe})::text`,
    })
    .from(donneeOuverte);
  const aJour =
    etat?.fichiers === JEUX.length * FORMATS_OUVERTS.length &&
    etat.plusAncien !== null &&
    maintenant.getTime() - new Date(etat.plusAncien).getTime() < ageMaxMs;
  if (aJour) return false;
  await genererDonneesOuvertes(db, maintenant);
  return true;
}
