import type { Executeur } from "../db/client.ts";
import { journalConnexion } from "../db/schema.ts";

export type TentativeConnexion = {
  methode: "lien_magique" | "invitation" | "proconnect" | "demo";
  reussite: boolean;
  ip: string | null;
  email?: string | null;
  proconnectSub?: string | null;
  utilisateurId?: string | null;
  motifEchec?: string;
  /** From the platform's clock: the journal's retention is counted on the same time as the rest. */
  le: Date;
};

/** Every sign-in, successful or refused, goes to the access log (docs/securite.md, « Durées de conservation »). */
export async function consignerConnexion(db: Executeur, t: TentativeConnexion): Promise<void> {
  await db.insert(journalConnexion).values({
    le: t.le,
    methode: t.methode,
    reussite: t.reussite,
    ip: t.ip,
    email: t.email ?? null,
    proconnectSub: t.proconnectSub ?? null,
    utilisateurId: t.utilisateurId ?? null,
    motifEchec: t.motifEchec ?? null,
  });
}
