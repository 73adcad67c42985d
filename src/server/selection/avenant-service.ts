import { and, count, eq, inArray } from "drizzle-orm";
import {
  conflit,
  echec,
  enConflit,
  introuvable,
  type Resultat,
  reussite,
} from "../../domain/erreurs.ts";
import type { DemandeStructure } from "../../domain/selection/avenant.ts";
import type { Db } from "../db/client.ts";
import { demandePostes, poste } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { changerStatutDemande } from "./statut-demande.ts";

export const DEMANDE_EN_COURS =
  "Une demande est en cours d'instruction : attendez sa décision ou retirez-la avant d'en faire une autre.";

/**
 * A structure files an avenant or a coordinator request. One open request at a time; posts given
 * back must be vacant ones. The structure comes from the session, never from the body.
 */
export async function deposerDemandeStructure(
  db: Db,
  params: { structureId: string; demande: DemandeStructure; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ demandeId: string }>> {
  const d = params.demande;
  return db.transaction(async (tx) => {
    const [ouverte] = await tx
      .select({ id: demandePostes.id })
      .from(demandePostes)
      .where(
        and(
          eq(demandePostes.structureId, params.structureId),
          inArray(demandePostes.statut, ["deposee", "complement_demande"]),
        ),
      )
      .for("update");
    if (ouverte) return conflit("", DEMANDE_EN_COURS);
    const nombre = d.nature === "coordinateur" ? 1 : d.postes;
    if (d.nature === "retrait") {
      const [vacants] = await tx
        .select({ n: count() })
        .from(poste)
        .where(and(eq(poste.structureId, params.structureId), eq(poste.statut, "vacant")));
      if ((vacants?.n ?? 0) < nombre) {
        return echec(
          "postes",
          `Seuls des postes vacants peuvent être rendus : vous en avez ${vacants?.n ?? 0}.`,
        );
      }
    }
    const [ligne] = await tx
      .insert(demandePostes)
      .values({
        structureId: params.structureId,
        nature: d.nature,
        statut: "deposee",
        creeLe: params.maintenant,
        postesDemandes: nombre,
        motif: d.motif || null,
        coordinateur: d.nature === "coordinateur" ? d.temps : "non",
      })
      .returning({ id: demandePostes.id });
    await journaliser(tx, params.acteur, {
      action: "demande.deposee",
      cibleType: "demande_postes",
      cibleId: ligne!.id,
      apres: { nature: d.nature, postesDemandes: nombre, motif: d.motif || null },
    });
    return reussite({ demandeId: ligne!.id });
  });
}

/** The structure withdraws its own request before the decision. */
export async function retirerDemande(
  db: Db,
  params: { structureId: string; demandeId: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<true>> {
  return db.transaction(async (tx) => {
    const [demande] = await tx
      .select()
      .from(demandePostes)
      .where(
        and(
          eq(demandePostes.id, params.demandeId),
          eq(demandePostes.structureId, params.structureId),
        ),
      )
      .for("update");
    if (!demande) return introuvable("Cette demande n'existe pas ou n'est pas la vôtre.");
    const t = await changerStatutDemande(
      tx,
      demande,
      { type: "retirer" },
      {
        acteur: params.acteur,
        maintenant: params.maintenant,
        action: "demande.retiree",
      },
    );
    if (!t.ok) return enConflit(t);
    return reussite(true as const);
  });
}

/** The admin cancels a request (error, duplicate); the reason goes to the journal. */
export async function annulerDemande(
  db: Db,
  params: { demandeId: string; motif: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<true>> {
  return db.transaction(async (tx) => {
    const [demande] = await tx
      .select()
      .from(demandePostes)
      .where(eq(demandePostes.id, params.demandeId))
      .for("update");
    if (!demande) return introuvable("Cette demande n'existe pas.");
    const t = await changerStatutDemande(
      tx,
      demande,
      { type: "annuler", motif: params.motif },
      {
        acteur: params.acteur,
        maintenant: params.maintenant,
        action: "demande.annulee",
        colonnes: { confirmationHash: null },
        apres: { motif: params.motif },
      },
    );
    if (!t.ok) return enConflit(t);
    return reussite(true as const);
  });
}
