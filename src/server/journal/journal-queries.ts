import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../domain/roles.ts";
import type { Executeur } from "../db/client.ts";
import { journal, utilisateur } from "../db/schema.ts";

/** The journal reads newest first (default) or oldest first, always by its sequence. */
export const TRIS_JOURNAL = ["recentes", "anciennes"] as const;
export type TriJournal = (typeof TRIS_JOURNAL)[number];

export type FiltresJournal = {
  cibleType?: string | undefined;
  cibleId?: string | undefined;
  tri?: TriJournal | undefined;
};

/**
 * Entries after a cursor, in the order asked: the journal grows by millions of rows, so it pages
 * by its sequence (each page costs the same) and never counts itself.
 */
export function entreesJournal(
  db: Executeur,
  f: FiltresJournal & { curseur?: number | undefined; limite: number },
) {
  const anciennes = f.tri === "anciennes";
  const conditions: (SQL | undefined)[] = [
    f.cibleType ? eq(journal.cibleType, f.cibleType) : undefined,
    f.cibleId ? eq(journal.cibleId, f.cibleId) : undefined,
  ];
  if (f.curseur) conditions.push(anciennes ? gt(journal.id, f.curseur) : lt(journal.id, f.curseur));
  return db
    .select()
    .from(journal)
    .where(and(...conditions))
    .orderBy(anciennes ? asc(journal.id) : desc(journal.id))
    .limit(f.limite);
}

export type EntreeJournalLue = Awaited<ReturnType<typeof entreesJournal>>[number];

/** Every entry matching the filters, in batches of `taille` (an export streams them). */
export async function* lotsJournal(db: Executeur, f: FiltresJournal, taille = 5_000) {
  let curseur: number | undefined;
  for (;;) {
    const lot = await entreesJournal(db, { ...f, curseur, limite: taille });
    if (lot.length === 0) return;
    yield lot;
    curseur = lot.at(-1)!.id;
    if (lot.length < taille) return;
  }
}

const colonnesHistorique = {
  id: journal.id,
  le: journal.le,
  action: journal.action,
  cibleType: journal.cibleType,
  // Written from a session's habilitation: one of the programme's roles.
  role: sql<Role | null>`${journal.role}`,
  auteur: journal.auteur,
  prenom: utilisateur.prenom,
  nom: utilisateur.nom,
};

/**
 * The journal lines about some targets (by type and ids), latest first, with their author's
 * name: the history a file shows.
 */
export async function historiqueDesCibles(
  tx: Executeur,
  limite: number,
  cibles: { type: string; ids: string[] }[],
) {
  const conditions = cibles
    .filter((c) => c.ids.length > 0)
    .map((c) => and(eq(journal.cibleType, c.type), inArray(journal.cibleId, c.ids)));
  if (conditions.length === 0) return [];
  return tx
    .select(colonnesHistorique)
    .from(journal)
    .leftJoin(utilisateur, eq(utilisateur.id, journal.utilisateurId))
    .where(or(...conditions))
    .orderBy(desc(journal.id))
    .limit(limite);
}
