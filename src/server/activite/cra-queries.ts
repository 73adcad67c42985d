import { and, arrayContains, count, eq, gte, lte, type SQL } from "drizzle-orm";
import type { Executeur } from "../db/client.ts";
import { cra } from "../db/schema.ts";

/** The filters of a conseiller's own reports: a period, a type, a theme. */
export type FiltresMesCra = {
  du?: string | undefined;
  au?: string | undefined;
  type?: string | undefined;
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
