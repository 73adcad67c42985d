import { and, eq } from "drizzle-orm";
import { echec, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import type { SaisieVersement } from "../../domain/financement/versement.ts";
import { jourParis } from "../../domain/temps.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import { poste, structure, versement } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { grandLivre } from "./grand-livre.ts";

const colonnesStructure = {
  departement: structure.departementCode,
  region: structure.regionCode,
  structureId: structure.id,
};

/** The ledger of the session's scope at a date, or of one of its structures. */
export function grandLivreDuPerimetreAu(
  db: Executeur,
  connexion: SessionChargee,
  au: string,
  structureId: string | undefined,
) {
  const perimetre = and(
    predicatPerimetre(connexion, colonnesStructure),
    structureId ? eq(structure.id, structureId) : undefined,
  )!;
  return grandLivre(db, perimetre, au);
}

/**
 * Records a payment, or the correction of one, of a structure of the scope, journaled in the
 * same transaction; lines are never changed nor deleted.
 */
export async function enregistrerVersement(
  db: Db,
  params: {
    connexion: SessionChargee;
    versement: SaisieVersement;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ id: string }>> {
  const { connexion, versement: v } = params;
  if (v.date > jourParis(params.maintenant))
    return echec("date", "Un versement ne peut pas être daté du futur.");
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select({ id: structure.id })
      .from(structure)
      .where(and(eq(structure.id, v.structureId), predicatPerimetre(connexion, colonnesStructure)));
    if (!s) return introuvable("Structure introuvable dans votre périmètre.", "structureId");
    if (v.posteId) {
      const [p] = await tx
        .select({ id: poste.id })
        .from(poste)
        .where(and(eq(poste.id, v.posteId), eq(poste.structureId, v.structureId)));
      if (!p) return echec("posteId", "Ce poste n'est pas un poste de cette structure.");
    }
    if (v.corrigeId) {
      const [c] = await tx
        .select({ id: versement.id })
        .from(versement)
        .where(and(eq(versement.id, v.corrigeId), eq(versement.structureId, v.structureId)));
      if (!c)
        return echec("corrigeId", "La ligne corrigée n'est pas un versement de cette structure.");
    }
    const [ligne] = await tx
      .insert(versement)
      .values({
        ...v,
        posteId: v.posteId ?? null,
        creePar: connexion.utilisateur.id,
        creeLe: params.maintenant,
      })
      .returning({ id: versement.id });
    await journaliser(tx, params.acteur, {
      action: v.corrigeId ? "versement.corrige" : "versement.enregistre",
      cibleType: "versement",
      cibleId: ligne!.id,
      apres: {
        structureId: v.structureId,
        posteId: v.posteId ?? null,
        nature: v.nature,
        montantCents: v.montantCents,
        date: v.date,
        reference: v.reference,
      },
    });
    return reussite({ id: ligne!.id });
  });
}

/** A structure's payment lines, corrections included, oldest first; none outside the scope. */
export async function versementsDeLaStructure(
  db: Executeur,
  connexion: SessionChargee,
  structureId: string,
) {
  const lignes = await db
    .select({ v: versement })
    .from(versement)
    .innerJoin(structure, eq(structure.id, versement.structureId))
    .where(
      and(eq(versement.structureId, structureId), predicatPerimetre(connexion, colonnesStructure)),
    )
    .orderBy(versement.date, versement.creeLe);
  return lignes.map((l) => l.v);
}
