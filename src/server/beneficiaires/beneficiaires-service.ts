import { eq } from "drizzle-orm";
import {
  type Beneficiaire,
  cleDeNom,
  refusAnneeFuture,
} from "../../domain/beneficiaires/beneficiaire.ts";
import { echec, interdit, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { jourParis } from "../../domain/temps.ts";
import { COMMUNE_INCONNUE } from "../../domain/territoire.ts";
import type { Db, Executeur } from "../db/client.ts";
import { beneficiaire, commune } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { type Lecteur, lecteurDuJour, lireBeneficiaire } from "./beneficiaires-queries.ts";

export const BENEFICIAIRE_INTROUVABLE =
  "Cette personne n'existe pas ou ne fait pas partie de vos personnes suivies.";

/** The fields of a person as typed (absent) or as read (null): both give the same columns. */
export type Champs = { nom: string } & {
  [K in keyof Omit<Beneficiaire, "informee" | "nom">]?: Beneficiaire[K] | null;
};

export const colonnes = (b: Champs) => ({
  prenom: b.prenom ?? null,
  nom: b.nom,
  nomNormalise: cleDeNom(b.prenom, b.nom),
  anneeNaissance: b.anneeNaissance ?? null,
  communeCode: b.communeCode ?? null,
  telephone: b.telephone ?? null,
  sansTelephone: b.sansTelephone ?? false,
  email: b.email ?? null,
  genre: b.genre ?? null,
  statut: b.statut ?? null,
  notes: b.notes ?? null,
  partageStructure: b.partageStructure ?? false,
});

/**
 * The journal keeps which fields changed and who did it, never the person's details: they stay in
 * the one row that is deleted with the person. Both sides are the same typed columns, so a field
 * computed from another (the normalised name) is listed only when it changes.
 */
const champsModifies = (avant: ColonnesSaisies, apres: ColonnesSaisies) =>
  (Object.keys(apres) as (keyof ColonnesSaisies)[]).filter((k) => avant[k] !== apres[k]);

type ColonnesSaisies = ReturnType<typeof colonnes>;

/** A well-formed code that is not in the official reference is the typist's error, not ours. */
async function communeInconnue(tx: Executeur, code: string | undefined) {
  if (!code) return null;
  const [co] = await tx.select({ code: commune.code }).from(commune).where(eq(commune.code, code));
  return co ? null : echec("communeCode", COMMUNE_INCONNUE);
}

export async function creerBeneficiaire(
  db: Db,
  p: { conseillerId: string; saisie: Beneficiaire; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ id: string }>> {
  const refus = refusAnneeFuture(p.saisie.anneeNaissance, jourParis(p.maintenant));
  if (refus) return refus;
  return db.transaction(async (tx) => {
    const inconnue = await communeInconnue(tx, p.saisie.communeCode);
    if (inconnue) return inconnue;
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
export async function aMoi(tx: Executeur, l: Lecteur, id: string) {
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
    const inconnue = await communeInconnue(tx, p.saisie.communeCode);
    if (inconnue) return inconnue;
    const apres = colonnes(p.saisie);
    await tx
      .update(beneficiaire)
      .set({ ...apres, modifieLe: p.maintenant })
      .where(eq(beneficiaire.id, p.id));
    await journaliser(tx, p.acteur, {
      action: "beneficiaire.modifie",
      cibleType: "beneficiaire",
      cibleId: p.id,
      apres: { champs: champsModifies(colonnes(avant.valeur), apres) },
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
