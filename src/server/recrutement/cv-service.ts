import { and, eq, lt } from "drizzle-orm";
import { expirationCv } from "../../domain/recrutement/cv.ts";
import type { Executeur } from "../db/client.ts";
import { cv } from "../db/schema.ts";
import { chiffrer, dechiffrer } from "../infra/chiffrement.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";

/** Replaces the candidate's CV (or the one waiting for confirmation); content already checked. */
export async function deposerCv(
  tx: Executeur,
  params: {
    candidatureId: string;
    enAttente: boolean;
    nom: string;
    contenu: Buffer;
    cle: Buffer;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<void> {
  const ligne = {
    candidatureId: params.candidatureId,
    enAttente: params.enAttente,
    nom: params.nom,
    taille: params.contenu.length,
    contenuChiffre: chiffrer(params.cle, params.contenu),
    deposeLe: params.maintenant,
    expireLe: expirationCv(params.maintenant),
  };
  await tx
    .insert(cv)
    .values(ligne)
    .onConflictDoUpdate({ target: [cv.candidatureId, cv.enAttente], set: ligne });
  await journaliser(tx, params.acteur, {
    action: "cv.depose",
    cibleType: "candidature",
    cibleId: params.candidatureId,
    apres: { taille: ligne.taille, enAttente: params.enAttente, expireLe: ligne.expireLe },
  });
}

/** At confirmation the waiting CV, if any, replaces the current one. */
export async function confirmerCv(tx: Executeur, candidatureId: string): Promise<void> {
  const [attente] = await tx
    .select({ id: cv.id })
    .from(cv)
    .where(and(eq(cv.candidatureId, candidatureId), eq(cv.enAttente, true)));
  if (!attente) return;
  await tx.delete(cv).where(and(eq(cv.candidatureId, candidatureId), eq(cv.enAttente, false)));
  await tx.update(cv).set({ enAttente: false }).where(eq(cv.id, attente.id));
}

export async function descriptionCv(tx: Executeur, candidatureId: string) {
  const [l] = await tx
    .select({ nom: cv.nom, taille: cv.taille, deposeLe: cv.deposeLe, expireLe: cv.expireLe })
    .from(cv)
    .where(and(eq(cv.candidatureId, candidatureId), eq(cv.enAttente, false)));
  return l ?? null;
}

export async function lireCv(tx: Executeur, candidatureId: string, cle: Buffer) {
  const [l] = await tx
    .select()
    .from(cv)
    .where(and(eq(cv.candidatureId, candidatureId), eq(cv.enAttente, false)));
  if (!l) return null;
  return { nom: l.nom, contenu: dechiffrer(cle, l.contenuChiffre) };
}

export async function supprimerCv(tx: Executeur, candidatureId: string): Promise<boolean> {
  const r = await tx.delete(cv).where(eq(cv.candidatureId, candidatureId)).returning({ id: cv.id });
  return r.length > 0;
}

/** Six months after upload the CV is gone (ménage job). */
export async function purgerCvExpires(tx: Executeur, maintenant: Date): Promise<number> {
  const suppr = await tx.delete(cv).where(lt(cv.expireLe, maintenant)).returning({ id: cv.id });
  return suppr.length;
}
