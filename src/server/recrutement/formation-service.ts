import { and, eq, sql } from "drizzle-orm";
import {
  conflit,
  enConflit,
  introuvable,
  type Resultat,
  reussite,
  verifier,
} from "../../domain/erreurs.ts";
import { HORS_DE_PORTEE } from "../../domain/recrutement/contrat.ts";
import {
  type EtapeFormation,
  etapeFormationSchema,
  type ResultatCertification,
  resultatCertificationSchema,
  type StatutFormation,
  statutPix,
  transitionFormation,
} from "../../domain/recrutement/formation.ts";
import { jourParis } from "../../domain/temps.ts";
import type { Db, Executeur } from "../db/client.ts";
import { certification, formation, organismeFormation } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";

type Formation = typeof formation.$inferSelect;

/** A training file, reachable by a structure only for its own conseillers. */
async function formationVisible(
  tx: Executeur,
  formationId: string,
  structureId: string | null,
): Promise<Formation | null> {
  const [f] = await tx
    .select()
    .from(formation)
    .where(
      and(
        eq(formation.id, formationId),
        structureId
          ? sql`exists (select 1 from contrat k where k.utilisateur_id = ${formation.utilisateurId}
              and k.structure_id = ${structureId} and k.statut in ('actif', 'termine'))`
          : sql`true`,
      ),
    )
    .for("update");
  return f ?? null;
}

/** The columns one step sets, after the checks that need the file's current values. */
function colonnesEtape(f: Formation, e: EtapeFormation): Resultat<Partial<Formation>> {
  switch (e.evenement) {
    case "inscrire":
      return reussite({
        organismeFormationId: e.organismeFormationId,
        modalite: e.modalite,
        dateInscription: e.dateInscription,
      });
    case "positionner":
      return reussite({
        datePositionnement: e.datePositionnement,
        parcoursHeures: e.parcoursHeures,
        dateDebutPrevue: e.dateDebutPrevue,
        dateFinPrevue: e.dateFinPrevue,
      });
    case "commencer":
      return reussite({ dateDebutReelle: e.dateDebutReelle });
    case "terminer":
      if (f.dateDebutReelle && e.dateFinReelle < f.dateDebutReelle)
        return conflit("dateFinReelle", "La fin de la formation doit suivre son début.");
      if (f.parcoursHeures !== null && e.heuresRealisees > f.parcoursHeures)
        return conflit(
          "heuresRealisees",
          `Les heures réalisées ne peuvent pas dépasser le parcours (${f.parcoursHeures} h).`,
        );
      return reussite({ dateFinReelle: e.dateFinReelle, heuresRealisees: e.heuresRealisees });
    case "abandonner":
    case "dispenser":
      return reussite({ motif: e.motif });
  }
}

export async function enregistrerEtapeFormation(
  db: Db,
  params: {
    formationId: string;
    structureId: string | null;
    etape: EtapeFormation;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<StatutFormation>> {
  const duJour = verifier(etapeFormationSchema(jourParis(params.maintenant)), params.etape);
  if (!duJour.ok) return duJour;
  return db.transaction(async (tx) => {
    const f = await formationVisible(tx, params.formationId, params.structureId);
    if (!f) return introuvable(HORS_DE_PORTEE);
    if (params.etape.evenement === "inscrire") {
      const [o] = await tx
        .select({ id: organismeFormation.id })
        .from(organismeFormation)
        .where(eq(organismeFormation.id, params.etape.organismeFormationId));
      if (!o) return conflit("organismeFormationId", "Cet organisme de formation est inconnu.");
    }
    const t = transitionFormation(f.statut as StatutFormation, params.etape.evenement);
    if (!t.ok) return enConflit(t);
    const colonnes = colonnesEtape(f, params.etape);
    if (!colonnes.ok) return colonnes;
    await tx
      .update(formation)
      .set({ ...colonnes.valeur, statut: t.valeur, modifieLe: params.maintenant })
      .where(eq(formation.id, f.id));
    await journaliser(tx, params.acteur, {
      action: `formation.${params.etape.evenement}`,
      cibleType: "formation",
      cibleId: f.id,
      avant: { statut: f.statut },
      apres: { statut: t.valeur, ...colonnes.valeur },
    });
    return t;
  });
}

/** One exam attempt; Pix's outcome is computed from the three levels. */
export async function enregistrerCertification(
  tx: Executeur,
  params: { utilisateurId: string; resultat: ResultatCertification; acteur: Acteur },
): Promise<string> {
  const r = params.resultat;
  const ligne =
    r.type === "pix"
      ? {
          type: "pix" as const,
          statut: statutPix(r.niveaux),
          dateExamen: r.dateExamen,
          niveauxPix: r.niveaux,
        }
      : { type: "ccp1" as const, statut: r.statut, dateExamen: r.dateExamen, niveauxPix: null };
  const [c] = await tx
    .insert(certification)
    .values({ utilisateurId: params.utilisateurId, ...ligne })
    .returning({ id: certification.id });
  await journaliser(tx, params.acteur, {
    action: `certification.${ligne.type}`,
    cibleType: "utilisateur",
    cibleId: params.utilisateurId,
    apres: { certificationId: c!.id, ...ligne },
  });
  return c!.id;
}

/** Records an exam attempt of a person whose training is open; none without one. */
export async function saisirCertification(
  db: Db,
  params: {
    utilisateurId: string;
    resultat: ResultatCertification;
    acteur: Acteur;
    aujourdhui: string;
  },
): Promise<Resultat<{ id: string }>> {
  const duJour = verifier(resultatCertificationSchema(params.aujourdhui), params.resultat);
  if (!duJour.ok) return duJour;
  const [f] = await db
    .select({ id: formation.id })
    .from(formation)
    .where(eq(formation.utilisateurId, params.utilisateurId));
  if (!f) return introuvable("Cette personne n'a pas de formation ouverte.");
  const id = await db.transaction((tx) => enregistrerCertification(tx, params));
  return reussite({ id });
}
