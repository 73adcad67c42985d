import { and, eq, inArray, ne } from "drizzle-orm";
import type { Presences } from "../../domain/ateliers/atelier.ts";
import { craSchema } from "../../domain/cra/cra.ts";
import {
  conflit,
  echec,
  interdit,
  introuvable,
  type Resultat,
  reussite,
} from "../../domain/erreurs.ts";
import { jourParis } from "../../domain/temps.ts";
import { creerCraAnonymeDans } from "../activite/index.ts";
import type { Db } from "../db/client.ts";
import { atelier, inscriptionAtelier } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { ATELIER_D_UN_AUTRE, ATELIER_INTROUVABLE } from "./ateliers-service.ts";

export const PAS_ENCORE_COMMENCE = "Les présences se notent une fois l'atelier commencé.";
export const CRA_DEJA_FAIT = "Le compte rendu de cet atelier est déjà enregistré.";
export const ATELIER_ANNULE = "Cet atelier a été annulé : il n'a pas de compte rendu.";
export const PAS_INSCRIT = "Une des personnes cochées n'est pas inscrite à cet atelier.";

/**
 * Marks who came and records the workshop's collective report from it, in one transaction: the
 * date, place, duration, themes, title and level of the workshop, the number of participants
 * being those present (docs/domaine/ateliers.md §6). Done once; the report is then edited as any
 * other.
 */
export async function enregistrerPresences(
  db: Db,
  p: {
    atelierId: string;
    conseillerId: string;
    presences: Presences;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ craId: string; participants: number }>> {
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(atelier).where(eq(atelier.id, p.atelierId)).for("update");
    if (!a) return introuvable(ATELIER_INTROUVABLE);
    if (a.conseillerId !== p.conseillerId) return interdit(ATELIER_D_UN_AUTRE);
    if (a.annuleLe) return conflit("presents", ATELIER_ANNULE);
    if (a.craId) return conflit("presents", CRA_DEJA_FAIT);
    if (a.debut > p.maintenant) return conflit("presents", PAS_ENCORE_COMMENCE);
    const presents = [...new Set(p.presences.presents)];
    const connues = await tx
      .select({ id: inscriptionAtelier.id })
      .from(inscriptionAtelier)
      .where(
        and(
          eq(inscriptionAtelier.atelierId, a.id),
          ne(inscriptionAtelier.statut, "annulee"),
          presents.length > 0 ? inArray(inscriptionAtelier.id, presents) : undefined,
        ),
      );
    if (presents.length > 0 && connues.length !== presents.length)
      return echec("presents", PAS_INSCRIT);
    const participants = presents.length + p.presences.sansInscription;
    const lu = craSchema().safeParse({
      type: "collectif",
      date: jourParis(a.debut),
      dureeMinutes: a.dureeMinutes,
      typeLieu: "lieu_activite",
      lieuId: a.lieuId,
      nbParticipants: participants,
      thematiques: a.thematiques,
      titreAtelier: a.titre,
      niveau: a.niveau,
    });
    // Announced under the rules of a workshop, it may break one of a report's (a themes rule).
    if (!lu.success) return echec("presents", lu.error.issues[0]?.message ?? PAS_INSCRIT);
    const cra = lu.data;
    // The report first: refused (no contract that day, a place left), nothing is marked.
    const cree = await creerCraAnonymeDans(tx, {
      conseillerId: p.conseillerId,
      cra,
      acteur: p.acteur,
      maintenant: p.maintenant,
    });
    if (!cree.ok) return cree;
    await tx
      .update(inscriptionAtelier)
      .set({ present: false })
      .where(and(eq(inscriptionAtelier.atelierId, a.id), ne(inscriptionAtelier.statut, "annulee")));
    if (presents.length > 0)
      await tx
        .update(inscriptionAtelier)
        .set({ present: true })
        .where(inArray(inscriptionAtelier.id, presents));
    await tx
      .update(atelier)
      .set({ craId: cree.valeur.id, modifieLe: p.maintenant })
      .where(eq(atelier.id, a.id));
    await journaliser(tx, p.acteur, {
      action: "atelier.presences",
      cibleType: "atelier",
      cibleId: a.id,
      apres: { presents: presents.length, sansInscription: p.presences.sansInscription },
    });
    return reussite({ craId: cree.valeur.id, participants });
  });
}
