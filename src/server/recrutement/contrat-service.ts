import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  conflit,
  echec,
  enConflit,
  introuvable,
  type Resultat,
  reussite,
} from "../../domain/erreurs.ts";
import {
  dateLimiteSignature,
  HORS_DE_PORTEE,
  type Recrutement,
  type StatutContrat,
  transitionContrat,
} from "../../domain/recrutement/contrat.ts";
import {
  type StatutMiseEnRelation,
  transitionMiseEnRelation,
} from "../../domain/recrutement/mise-en-relation.ts";
import { dateLimiteRecrutement } from "../../domain/selection/subvention.ts";
import { jourParis } from "../../domain/temps.ts";
import type { Db, Executeur } from "../db/client.ts";
import { candidature, contrat, miseEnRelation, poste } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";

export const QUOTA_ATTEINT = "Le nombre de recrutements a atteint le nombre de postes attribués.";
export const AUCUN_POSTE_COORDINATEUR = "Aucun poste de coordinateur n'est disponible.";

type Contrat = typeof contrat.$inferSelect;

/** A structure's own contract, locked for the change (docs/securite.md, règle 3 : jamais celui d'une autre structure). */
export async function contratDeStructure(
  tx: Executeur,
  contratId: string,
  structureId: string | null,
): Promise<Contrat | null> {
  const [c] = await tx
    .select()
    .from(contrat)
    .where(
      and(
        eq(contrat.id, contratId),
        structureId ? eq(contrat.structureId, structureId) : sql`true`,
      ),
    )
    .for("update");
  return c ?? null;
}

export async function changerStatutContrat(
  tx: Executeur,
  c: Contrat,
  evenement: Parameters<typeof transitionContrat>[1],
  params: {
    acteur: Acteur;
    maintenant: Date;
    action: string;
    colonnes?: Partial<typeof contrat.$inferInsert>;
  },
): Promise<Resultat<StatutContrat>> {
  const t = transitionContrat(c.statut as StatutContrat, evenement);
  if (!t.ok) return enConflit(t);
  await tx
    .update(contrat)
    .set({ statut: t.valeur, modifieLe: params.maintenant, ...params.colonnes })
    .where(eq(contrat.id, c.id));
  await journaliser(tx, params.acteur, {
    action: params.action,
    cibleType: "contrat",
    cibleId: c.id,
    avant: { statut: c.statut },
    apres: { statut: t.valeur, ...params.colonnes },
  });
  return t;
}

/** A post that loses its contract is vacant again, with a fresh month to recruit (docs/domaine/recrutement.md §4.5). */
export async function libererPoste(
  tx: Executeur,
  acteur: Acteur,
  posteId: string,
  jour: string,
): Promise<void> {
  const limite = dateLimiteRecrutement(jour);
  await tx
    .update(poste)
    .set({ statut: "vacant", dateLimiteRecrutement: limite })
    .where(eq(poste.id, posteId));
  await journaliser(tx, acteur, {
    action: "poste.vacant",
    cibleType: "poste",
    cibleId: posteId,
    avant: { statut: "pourvu" },
    apres: { statut: "vacant", dateLimiteRecrutement: limite },
  });
}

async function changerRelation(
  tx: Executeur,
  acteur: Acteur,
  id: string | null,
  evenement: Parameters<typeof transitionMiseEnRelation>[1],
  maintenant: Date,
): Promise<void> {
  if (!id) return;
  const [m] = await tx.select().from(miseEnRelation).where(eq(miseEnRelation.id, id));
  if (!m) return;
  const t = transitionMiseEnRelation(m.statut as StatutMiseEnRelation, evenement);
  if (!t.ok) return;
  await tx
    .update(miseEnRelation)
    .set({ statut: t.valeur, modifieLe: maintenant })
    .where(eq(miseEnRelation.id, id));
  await journaliser(tx, acteur, {
    action: `mise_en_relation.${t.valeur}`,
    cibleType: "mise_en_relation",
    cibleId: id,
    avant: { statut: m.statut },
    apres: { statut: t.valeur },
  });
}

/**
 * The structure declares a recruitment (docs/domaine/recrutement.md §6). The post is taken with
 * `for update skip locked`: two requests racing for the last post cannot both get it, and the
 * partial unique index on the post stands behind that.
 */
export async function declarerRecrutement(
  db: Db,
  params: {
    structureId: string;
    candidatureId: string;
    recrutement: Recrutement;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ contratId: string }>> {
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(candidature)
      .where(eq(candidature.id, params.candidatureId))
      .for("update");
    const [m] = await tx
      .select()
      .from(miseEnRelation)
      .where(
        and(
          eq(miseEnRelation.structureId, params.structureId),
          eq(miseEnRelation.candidatureId, params.candidatureId),
        ),
      );
    if (!c?.utilisateurId) return introuvable(HORS_DE_PORTEE);
    if (!m) return conflit("candidatureId", "Marquez d'abord ce candidat comme intéressant.");
    if (c.statut !== "disponible")
      return conflit("candidatureId", "Ce candidat n'est plus disponible.");
    const [occupe] = await tx
      .select({ id: contrat.id })
      .from(contrat)
      .where(
        and(
          eq(contrat.utilisateurId, c.utilisateurId),
          inArray(contrat.statut, ["declare", "actif"]),
        ),
      );
    if (occupe)
      return conflit(
        "candidatureId",
        "Un recrutement de cette personne est déjà déclaré ou actif.",
      );
    const relation = transitionMiseEnRelation(
      m.statut as StatutMiseEnRelation,
      "declarer_recrutement",
    );
    if (!relation.ok)
      return conflit("candidatureId", "Marquez d'abord ce candidat comme intéressant.");
    const r = params.recrutement;
    const [libre] = await tx
      .select()
      .from(poste)
      .where(
        and(
          eq(poste.structureId, params.structureId),
          eq(poste.statut, "vacant"),
          eq(poste.coordinateur, r.coordinateur),
        ),
      )
      .orderBy(asc(poste.dateLimiteRecrutement), asc(poste.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!libre)
      return conflit("posteId", r.coordinateur ? AUCUN_POSTE_COORDINATEUR : QUOTA_ATTEINT);
    const jour = jourParis(params.maintenant);
    const [nouveau] = await tx
      .insert(contrat)
      .values({
        utilisateurId: c.utilisateurId,
        candidatureId: c.id,
        structureId: params.structureId,
        posteId: libre.id,
        miseEnRelationId: m.id,
        type: r.type,
        dateDebut: r.dateDebut,
        dateFin: r.dateFin,
        salaireBrutMensuelCents: r.salaireBrutMensuelCents,
        heuresHebdo: r.heuresHebdo,
        coordinateur: r.coordinateur,
        dateDeclaration: jour,
        dateLimiteSignature: dateLimiteSignature(jour),
        statut: "declare",
      })
      .returning({ id: contrat.id });
    await tx.update(poste).set({ statut: "pourvu" }).where(eq(poste.id, libre.id));
    await journaliser(tx, params.acteur, {
      action: "contrat.declare",
      cibleType: "contrat",
      cibleId: nouveau!.id,
      apres: { ...r, posteId: libre.id, candidatureId: c.id, statut: "declare" },
    });
    await journaliser(tx, params.acteur, {
      action: "poste.pourvu",
      cibleType: "poste",
      cibleId: libre.id,
      avant: { statut: "vacant" },
      apres: { statut: "pourvu", contratId: nouveau!.id },
    });
    await changerRelation(tx, params.acteur, m.id, "declarer_recrutement", params.maintenant);
    return reussite({ contratId: nouveau!.id });
  });
}

/**
 * Undoing a declaration (cancelled by the structure, refused by the admin): the post is free
 * again unless a contract still holds it (a refused renewal leaves the current one in place).
 */
export async function defaireDeclaration(
  tx: Executeur,
  c: Contrat,
  evenement: "annuler" | "refuser",
  params: { acteur: Acteur; maintenant: Date; motif?: string },
): Promise<Resultat<StatutContrat>> {
  const t = await changerStatutContrat(tx, c, evenement, {
    acteur: params.acteur,
    maintenant: params.maintenant,
    action: evenement === "annuler" ? "contrat.annule" : "contrat.refuse",
    colonnes: params.motif ? { motifRefus: params.motif } : {},
  });
  if (!t.ok) return enConflit(t);
  if (!c.renouvelleContratId) {
    await libererPoste(tx, params.acteur, c.posteId, jourParis(params.maintenant));
    await changerRelation(
      tx,
      params.acteur,
      c.miseEnRelationId,
      "annuler_recrutement",
      params.maintenant,
    );
  }
  return t;
}

export async function annulerRecrutement(
  db: Db,
  params: { structureId: string; contratId: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<StatutContrat>> {
  return db.transaction(async (tx) => {
    const c = await contratDeStructure(tx, params.contratId, params.structureId);
    if (!c) return introuvable(HORS_DE_PORTEE);
    return defaireDeclaration(tx, c, "annuler", params);
  });
}

/** The structure records the date the contract was signed (deadline: declaration + 15 days). */
export async function enregistrerSignature(
  db: Db,
  params: {
    structureId: string;
    contratId: string;
    dateSignature: string;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ dateSignature: string }>> {
  return db.transaction(async (tx) => {
    const c = await contratDeStructure(tx, params.contratId, params.structureId);
    if (!c) return introuvable(HORS_DE_PORTEE);
    if (!["declare", "actif"].includes(c.statut))
      return echec("dateSignature", "Ce contrat n'est plus en cours.");
    if (params.dateSignature > jourParis(params.maintenant))
      return echec("dateSignature", "La date de signature ne peut pas être dans le futur.");
    await tx
      .update(contrat)
      .set({ dateSignature: params.dateSignature, modifieLe: params.maintenant })
      .where(eq(contrat.id, c.id));
    await journaliser(tx, params.acteur, {
      action: "contrat.signature_enregistree",
      cibleType: "contrat",
      cibleId: c.id,
      avant: { dateSignature: c.dateSignature },
      apres: { dateSignature: params.dateSignature },
    });
    return reussite({ dateSignature: params.dateSignature });
  });
}

/**
 * Renewal (docs/domaine/recrutement.md §8): a new contract, declared on the post the current one holds; the
 * admin's validation ends the current one. One renewal at a time per post (unique index).
 */
export async function declarerRenouvellement(
  db: Db,
  params: {
    structureId: string;
    contratId: string;
    recrutement: Recrutement;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ contratId: string }>> {
  return db.transaction(async (tx) => {
    const c = await contratDeStructure(tx, params.contratId, params.structureId);
    if (!c) return introuvable(HORS_DE_PORTEE);
    if (c.statut !== "actif")
      return conflit("contratId", "Seul un contrat actif peut être renouvelé.");
    const [enCours] = await tx
      .select({ id: contrat.id })
      .from(contrat)
      .where(and(eq(contrat.posteId, c.posteId), eq(contrat.statut, "declare")));
    if (enCours) return conflit("contratId", "Un renouvellement de ce contrat est déjà en cours.");
    const r = params.recrutement;
    if (r.coordinateur !== c.coordinateur)
      return conflit("coordinateur", "Le renouvellement garde la nature du poste.");
    const jour = jourParis(params.maintenant);
    const [nouveau] = await tx
      .insert(contrat)
      .values({
        utilisateurId: c.utilisateurId,
        candidatureId: c.candidatureId,
        structureId: c.structureId,
        posteId: c.posteId,
        miseEnRelationId: c.miseEnRelationId,
        renouvelleContratId: c.id,
        type: r.type,
        dateDebut: r.dateDebut,
        dateFin: r.dateFin,
        salaireBrutMensuelCents: r.salaireBrutMensuelCents,
        heuresHebdo: r.heuresHebdo,
        coordinateur: r.coordinateur,
        dateDeclaration: jour,
        dateLimiteSignature: dateLimiteSignature(jour),
        statut: "declare",
      })
      .returning({ id: contrat.id });
    await journaliser(tx, params.acteur, {
      action: "contrat.renouvellement_declare",
      cibleType: "contrat",
      cibleId: nouveau!.id,
      apres: { ...r, renouvelleContratId: c.id, statut: "declare" },
    });
    return reussite({ contratId: nouveau!.id });
  });
}
