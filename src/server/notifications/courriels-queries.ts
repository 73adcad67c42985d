import { and, asc, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import type { StatutCourriel } from "../../domain/notifications/courriels.ts";
import type { Executeur } from "../db/client.ts";
import { courriel } from "../db/schema.ts";
import { motifRecherche } from "../utilisateurs/index.ts";

/** The orders of the mails' list: newest first (default), oldest first, by recipient. */
export const TRIS_COURRIELS = ["recents", "anciens", "destinataire"] as const;
export type TriCourriels = (typeof TRIS_COURRIELS)[number];

const ORDRES: Record<TriCourriels, SQL[]> = {
  recents: [desc(courriel.creeLe), desc(courriel.id)],
  anciens: [asc(courriel.creeLe), asc(courriel.id)],
  destinataire: [asc(courriel.destinataire), desc(courriel.creeLe), desc(courriel.id)],
};

export type FiltresCourriels = {
  statut?: StatutCourriel | undefined;
  modele?: string | undefined;
  recherche?: string | undefined;
  tri?: TriCourriels | undefined;
};

const conditionsCourriels = (f: FiltresCourriels) =>
  and(
    f.statut ? eq(courriel.statut, f.statut) : undefined,
    f.modele ? eq(courriel.modele, f.modele) : undefined,
    f.recherche ? ilike(courriel.destinataire, motifRecherche(f.recherche)) : undefined,
  );

/** How many mails match the filters (the list's total and the "Courriels en échec" queue). */
export async function compterCourriels(db: Executeur, f: FiltresCourriels): Promise<number> {
  const [n] = await db.select({ n: count() }).from(courriel).where(conditionsCourriels(f));
  return n?.n ?? 0;
}

/** The mails matching the filters, in the order asked, without their text: a page or the export. */
export function selectionCourriels(db: Executeur, f: FiltresCourriels) {
  return db
    .select({
      id: courriel.id,
      destinataire: courriel.destinataire,
      objet: courriel.objet,
      modele: courriel.modele,
      statut: courriel.statut,
      tentatives: courriel.tentatives,
      erreur: courriel.erreur,
      creeLe: courriel.creeLe,
      envoyeLe: courriel.envoyeLe,
      prochaineTentativeLe: courriel.prochaineTentativeLe,
    })
    .from(courriel)
    .where(conditionsCourriels(f))
    .orderBy(...ORDRES[f.tri ?? "recents"])
    .$dynamic();
}

/** The templates that have sent at least one mail (the list's filter). */
export async function modelesDeCourriel(db: Executeur): Promise<string[]> {
  const modeles = await db
    .selectDistinct({ modele: courriel.modele })
    .from(courriel)
    .orderBy(courriel.modele);
  return modeles.map((m) => m.modele);
}
