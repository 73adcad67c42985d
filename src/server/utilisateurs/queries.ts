import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../domain/roles.ts";
import type { Executeur } from "../db/client.ts";
import { habilitation, utilisateur } from "../db/schema.ts";

export type FiltresUtilisateurs = {
  recherche?: string | undefined;
  role?: Role | undefined;
  actif?: boolean | undefined;
  page: number;
  parPage: number;
};

/** Escapes LIKE wildcards: user text is matched literally, never as a pattern (I1). */
export function motifRecherche(texte: string): string {
  return `%${texte.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listerUtilisateurs(db: Executeur, f: FiltresUtilisateurs) {
  const conditions: SQL[] = [];
  if (f.recherche) {
    const motif = motifRecherche(f.recherche);
    conditions.push(
      or(
        ilike(utilisateur.email, motif),
        ilike(utilisateur.nom, motif),
        ilike(utilisateur.prenom, motif),
      )!,
    );
  }
  if (f.actif !== undefined) conditions.push(eq(utilisateur.actif, f.actif));
  if (f.role) {
    conditions.push(
      sql`exists (select 1 from ${habilitation} where ${habilitation.utilisateurId} = ${utilisateur.id} and ${habilitation.role} = ${f.role} and ${habilitation.actif})`,
    );
  }
  const ou = conditions.length ? and(...conditions) : undefined;
  const [total] = await db.select({ n: count() }).from(utilisateur).where(ou);
  const lignes = await db
    .select()
    .from(utilisateur)
    .where(ou)
    .orderBy(desc(utilisateur.creeLe), utilisateur.email)
    .limit(f.parPage)
    .offset((f.page - 1) * f.parPage);
  const habs = lignes.length
    ? await db
        .select()
        .from(habilitation)
        .where(
          inArray(
            habilitation.utilisateurId,
            lignes.map((l) => l.id),
          ),
        )
        .orderBy(habilitation.creeLe)
    : [];
  return {
    total: total?.n ?? 0,
    lignes: lignes.map((u) => ({
      ...u,
      habilitations: habs.filter((h) => h.utilisateurId === u.id),
    })),
  };
}
