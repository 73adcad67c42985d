import { eq, lt } from "drizzle-orm";
import { expirationCv } from "../../domain/recrutement/cv.ts";
import type { Executeur } from "../db/client.ts";
import { cv } from "../db/schema.ts";
import { chiffrer, dechiffrer } from "../infra/chiffrement.ts";
import { type Acteur, journaliser } from "../journal/journal.ts";

/** Replaces the candidate's CV; the content is already checked (PDF, size). */
export async function deposerCv(
  tx: Executeur,
  params: {
    candidatureId: string;
    nom: string;
    contenu: Buffer;
    cle: Buffer;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<void> {
  const ligne = {
    candidatureId: params.candidatureId,
    nom: params.nom,
    taille: params.contenu.length,
    contenuChiffre: chiffrer(params.cle, params.contenu),
    deposeLe: params.maintenant,
    expireLe: expirationCv(params.maintenant),
  };
  await tx
    .insert(cv)
    .values(ligne)
    .onConflictDoUpdate({ target: cv.candidatureId, set: ligne });
  await journaliser(tx, params.acteur, {
    action: "cv.depose",
    cibleType: "candidature",
    cibleId: params.candidatureId,
    apres: { taille: ligne.taille, expireLe: ligne.expireLe.toISOString() },
  });
}

export async function lireCv(tx: Executeur, candidatureId: string, cle: Buffer) {
  const [l] = await tx.select().from(cv).where(eq(cv.candidatureId, candidatureId));
  if (!l) return null;
  return { nom: l.nom, contenu: dechiffrer(cle, l.contenuChiffre) };
}

/** Six months after upload the CV is gone (ménage job). */
export async function purgerCvExpires(tx: Executeur, maintenant: Date): Promise<number> {
  const suppr = await tx
    .delete(cv)
    .where(lt(cv.expireLe, maintenant))
    .returning({ id: cv.candidatureId });
  return suppr.length;
}
