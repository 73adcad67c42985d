import { and, eq, inArray } from "drizzle-orm";
import { fermerSession, ouvrirSession } from "../access/index.ts";
import { consignerConnexion } from "../auth/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import { utilisateur } from "../db/schema.ts";

/** Which of these addresses belong to active accounts. */
export async function emailsActifs(db: Executeur, emails: readonly string[]): Promise<Set<string>> {
  const l = await db
    .select({ email: utilisateur.email })
    .from(utilisateur)
    .where(and(inArray(utilisateur.email, [...emails]), eq(utilisateur.actif, true)));
  return new Set(l.map((a) => a.email));
}

/**
 * Opens a session as a demo persona, closing the one it replaces (`ancien`, its hash), journaled
 * as every sign-in; null when the persona's account is disabled.
 */
export function ouvrirSessionDemo(
  db: Db,
  params: { email: string; ancien: string | null; ip: string; maintenant: Date },
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [u] = await tx
      .select()
      .from(utilisateur)
      .where(and(eq(utilisateur.email, params.email), eq(utilisateur.actif, true)));
    if (!u) return null;
    if (params.ancien) await fermerSession(tx, params.ancien);
    const valeur = await ouvrirSession(tx, {
      utilisateurId: u.id,
      methode: "demo",
      maintenant: params.maintenant,
    });
    await consignerConnexion(tx, {
      le: params.maintenant,
      methode: "demo",
      reussite: true,
      ip: params.ip,
      email: u.email,
      utilisateurId: u.id,
    });
    return valeur;
  });
}
