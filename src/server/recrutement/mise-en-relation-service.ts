import { and, eq } from "drizzle-orm";
import { conflit, enConflit, type Resultat, reussite } from "../../domain/erreurs.ts";
import {
  type StatutMiseEnRelation,
  transitionMiseEnRelation,
} from "../../domain/recrutement/mise-en-relation.ts";
import { jourParis } from "../../domain/temps.ts";
import type { Db } from "../db/client.ts";
import { candidature, miseEnRelation } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { origineVivier, rechercherVivier } from "./vivier-queries.ts";

export type Avis = "interesse" | "pas_interesse" | "reconsiderer";

const EVENEMENT: Record<Avis, "preselectionner" | "ecarter" | "reconsiderer"> = {
  interesse: "preselectionner",
  pas_interesse: "ecarter",
  reconsiderer: "reconsiderer",
};

export const HORS_VIVIER =
  "Ce candidat n'est pas dans votre vivier (distance, territoire, disponibilité ou statut).";

/**
 * The structure marks a candidate of its pool (docs/domaine/recrutement.md §5.4). The pairing row is
 * created at the first mark; a candidate outside the pool cannot be marked, except by a
 * pre-selection by identifier (`origine = manuelle`).
 */
export async function marquerCandidat(
  db: Db,
  params: {
    structureId: string;
    candidatureId: string;
    avis: Avis;
    manuelle?: boolean;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ statut: StatutMiseEnRelation }>> {
  return db.transaction(async (tx) => {
    const [existante] = await tx
      .select()
      .from(miseEnRelation)
      .where(
        and(
          eq(miseEnRelation.structureId, params.structureId),
          eq(miseEnRelation.candidatureId, params.candidatureId),
        ),
      )
      .for("update");
    const origine = await origineVivier(tx, params.structureId, jourParis(params.maintenant));
    if (typeof origine === "string" && params.avis === "interesse")
      return conflit("structure", "Votre structure n'a plus de poste vacant.");
    let distanceM: number | null = null;
    if (!existante) {
      if (params.manuelle) {
        const [c] = await tx
          .select({ statut: candidature.statut })
          .from(candidature)
          .where(eq(candidature.id, params.candidatureId));
        if (c?.statut !== "disponible")
          return conflit(
            "candidatureId",
            "Aucun candidat disponible ne porte cet identifiant. Vérifiez-le auprès de la personne.",
          );
      } else {
        const [dansLeVivier] =
          typeof origine === "string"
            ? []
            : await rechercherVivier(tx, origine, { candidatureId: params.candidatureId });
        if (!dansLeVivier) return conflit("candidatureId", HORS_VIVIER);
        distanceM = dansLeVivier.distanceM;
      }
    }
    const depart: StatutMiseEnRelation = (existante?.statut as StatutMiseEnRelation) ?? "proposee";
    const t = transitionMiseEnRelation(depart, EVENEMENT[params.avis]);
    if (!t.ok) return enConflit(t);
    let id = existante?.id;
    if (existante) {
      await tx
        .update(miseEnRelation)
        .set({ statut: t.valeur, modifieLe: params.maintenant })
        .where(eq(miseEnRelation.id, existante.id));
    } else {
      const [m] = await tx
        .insert(miseEnRelation)
        .values({
          structureId: params.structureId,
          candidatureId: params.candidatureId,
          origine: params.manuelle ? "manuelle" : "matching",
          statut: t.valeur,
          distanceM,
        })
        .returning({ id: miseEnRelation.id });
      id = m!.id;
    }
    await journaliser(tx, params.acteur, {
      action: `mise_en_relation.${t.valeur}`,
      cibleType: "mise_en_relation",
      cibleId: id!,
      avant: existante ? { statut: existante.statut } : undefined,
      apres: {
        statut: t.valeur,
        structureId: params.structureId,
        candidatureId: params.candidatureId,
        origine: existante?.origine ?? (params.manuelle ? "manuelle" : "matching"),
      },
    });
    return reussite({ statut: t.valeur });
  });
}
