import { eq } from "drizzle-orm";
import {
  type Beneficiaire,
  cleDeNom,
  refusAnneeFuture,
} from "../../domain/beneficiaires/beneficiaire.ts";
import { interdit, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { jourParis } from "../../domain/temps.ts";
import { employeurA } from "../activite/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import { beneficiaire } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { type Lecteur, lireBeneficiaire } from "./beneficiaires-queries.ts";

export const BENEFICIAIRE_INTROUVABLE =
  "Cette personne n'existe pas ou ne fait pas partie de vos personnes suivies.";

/** The conseiller and the structure that employs them on the day: who reads and shares. */
export async function lecteurDuJour(
  db: Executeur,
  conseillerId: string,
  maintenant: Date,
): Promise<Lecteur> {
  return { conseillerId, structureId: await employeurA(db, conseillerId, jourParis(maintenant)) };
}

const colonnes = (b: Beneficiaire) => ({
  prenom: b.prenom ?? null,
  nom: b.nom,
  nomNormalise: cleDeNom(b.prenom, b.nom),
  anneeNaissance: b.anneeNaissance ?? null,
  communeCode: b.communeCode ?? null,
  telephone: b.telephone ?? null,
  sansTelephone: b.sansTelephone,
  email: b.email ?? null,
  genre: b.genre ?? null,
  statut: b.statut ?? null,
  notes: b.notes ?? null,
  partageStructure: b.partageStructure,
});

/**
 * The journal keeps what changed and who did it, never the person's details: they stay in the
 * one row that is deleted with the person.
 */
const champsModifies = (avant: Record<string, unknown>, apres: Record<string, unknown>) =>
  Object.keys(apres).filter((k) => JSON.stringify(avant[k]) !== JSON.stringify(apres[k]));

export async function creerBeneficiaire(
  db: Db,
  p: { conseillerId: string; saisie: Beneficiaire; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ id: string }>> {
  const refus = refusAnneeFuture(p.saisie.anneeNaissance, jourParis(p.maintenant));
  if (refus) return refus;
  return db.transaction(async (tx) => {
    const { structureId } = await lecteurDuJour(tx, p.conseillerId, p.maintenant);
    const [b] = await tx
      .insert(beneficiaire)
      .values({
        ...colonnes(p.saisie),
        conseillerId: p.conseillerId,
        structureId,
        informeLe: p.maintenant,
        informePar: p.conseillerId,
        creeLe: p.maintenant,
        modifieLe: p.maintenant,
      })
      .returning({ id: beneficiaire.id });
    await journaliser(tx, p.acteur, {
      action: "beneficiaire.cree",
      cibleType: "beneficiaire",
      cibleId: b!.id,
      apres: { partageStructure: p.saisie.partageStructure },
    });
    return reussite({ id: b!.id });
  });
}

/** Only the conseiller who recorded a person changes or deletes them; a colleague only reads. */
async function aMoi(tx: Executeur, l: Lecteur, id: string) {
  const b = await lireBeneficiaire(tx, l, id);
  if (!b) return introuvable(BENEFICIAIRE_INTROUVABLE);
  if (!b.mien)
    return interdit("Seul le conseiller qui a enregistré cette personne peut modifier sa fiche.");
  return reussite(b);
}

export async function modifierBeneficiaire(
  db: Db,
  p: { conseillerId: string; id: string; saisie: Beneficiaire; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ ok: true }>> {
  const refus = refusAnneeFuture(p.saisie.anneeNaissance, jourParis(p.maintenant));
  if (refus) return refus;
  return db.transaction(async (tx) => {
    const avant = await aMoi(tx, await lecteurDuJour(tx, p.conseillerId, p.maintenant), p.id);
    if (!avant.ok) return avant;
    const apres = colonnes(p.saisie);
    await tx
      .update(beneficiaire)
      .set({ ...apres, modifieLe: p.maintenant })
      .where(eq(beneficiaire.id, p.id));
    await journaliser(tx, p.acteur, {
      action: "beneficiaire.modifie",
      cibleType: "beneficiaire",
      cibleId: p.id,
      apres: { champs: champsModifies(avant.valeur, apres) },
    });
    return reussite({ ok: true as const });
  });
}

export async function supprimerBeneficiaire(
  db: Db,
  p: { conseillerId: string; id: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const avant = await aMoi(tx, await lecteurDuJour(tx, p.conseillerId, p.maintenant), p.id);
    if (!avant.ok) return avant;
    await tx.delete(beneficiaire).where(eq(beneficiaire.id, p.id));
    await journaliser(tx, p.acteur, {
      action: "beneficiaire.supprime",
      cibleType: "beneficiaire",
      cibleId: p.id,
    });
    return reussite({ ok: true as const });
  });
}
