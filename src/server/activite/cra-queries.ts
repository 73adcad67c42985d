import { and, arrayContains, asc, count, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import type { TypeActivite } from "../../domain/cra/vocabulaire.ts";
import type { Executeur } from "../db/client.ts";
import { commune, cra, lieu } from "../db/schema.ts";

/** The filters of a conseiller's own reports: a period, a type, a theme. */
export type FiltresMesCra = {
  du?: string | undefined;
  au?: string | undefined;
  type?: TypeActivite | undefined;
  thematique?: string | undefined;
};

/** A conseiller's reports matching the filters (their list and its count read the same rows). */
export function conditionsMesCra(conseillerId: string, f: FiltresMesCra): SQL | undefined {
  const conditions: SQL[] = [eq(cra.conseillerId, conseillerId)];
  if (f.du) conditions.push(gte(cra.date, f.du));
  if (f.au) conditions.push(lte(cra.date, f.au));
  if (f.type) conditions.push(eq(cra.type, f.type));
  if (f.thematique) conditions.push(arrayContains(cra.thematiques, [f.thematique]));
  return and(...conditions);
}

/** How many of a conseiller's reports match the filters (the list's total, a queue's count). */
export async function compterMesCra(
  db: Executeur,
  conseillerId: string,
  f: FiltresMesCra,
): Promise<number> {
  const [total] = await db
    .select({ n: count() })
    .from(cra)
    .where(conditionsMesCra(conseillerId, f));
  return total?.n ?? 0;
}

/** The orders of a conseiller's reports: newest first (default), oldest first, longest first. */
export const TRIS_MES_CRA = ["recents", "anciens", "duree"] as const;
export type TriMesCra = (typeof TRIS_MES_CRA)[number];

const ORDRES_MES_CRA: Record<TriMesCra, SQL[]> = {
  recents: [desc(cra.date), desc(cra.creeLe)],
  anciens: [asc(cra.date), asc(cra.creeLe)],
  duree: [desc(cra.dureeMinutes), desc(cra.date)],
};

export const TAILLE_PAGE_MES_CRA = 50;

/** A page of a conseiller's reports matching the filters, in the order asked. */
export function pageMesCra(
  db: Executeur,
  conseillerId: string,
  f: FiltresMesCra & { tri?: TriMesCra | undefined; page: number },
) {
  return db
    .select({
      id: cra.id,
      type: cra.type,
      date: cra.date,
      dureeMinutes: cra.dureeMinutes,
      typeLieu: cra.typeLieu,
      lieu: lieu.nom,
      commune: commune.nom,
      nbParticipants: cra.nbParticipants,
      thematiques: cra.thematiques,
      titreAtelier: cra.titreAtelier,
    })
    .from(cra)
    .leftJoin(lieu, eq(lieu.id, cra.lieuId))
    .leftJoin(commune, eq(commune.code, cra.communeCode))
    .where(conditionsMesCra(conseillerId, f))
    .orderBy(...ORDRES_MES_CRA[f.tri ?? "recents"], asc(cra.id))
    .limit(TAILLE_PAGE_MES_CRA)
    .offset((f.page - 1) * TAILLE_PAGE_MES_CRA);
}
