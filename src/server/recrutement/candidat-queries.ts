import { eq } from "drizzle-orm";
import type { Executeur } from "../db/client.ts";
import {
  certification,
  commune,
  contrat,
  formation,
  miseEnRelation,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { candidatureDe } from "./candidat-service.ts";
import { descriptionCv } from "./cv-service.ts";

/** What the candidate's space shows: the application as the structures see it, and the CV. */
export async function profilCandidat(tx: Executeur, utilisateurId: string) {
  const c = await candidatureDe(tx, utilisateurId);
  if (!c || c.statut === "supprimee") return null;
  const [u] = await tx.select().from(utilisateur).where(eq(utilisateur.id, utilisateurId));
  const [lieu] = c.communeCode
    ? await tx.select().from(commune).where(eq(commune.code, c.communeCode))
    : [];
  return {
    id: c.id,
    statut: c.statut,
    prenom: u?.prenom ?? "",
    nom: u?.nom ?? "",
    email: u?.email ?? "",
    telephone: c.telephone ?? "",
    communeCode: c.communeCode ?? "",
    commune: lieu ? `${lieu.nom} (${lieu.codesPostaux[0] ?? lieu.departementCode})` : "",
    localisee: c.latitude !== null,
    situations: c.situations,
    diplome: c.diplome ?? "",
    dateDisponibilite: c.dateDisponibilite,
    distanceMaxKm: c.distanceMaxKm,
    motivation: c.motivation ?? "",
    pix: c.pix,
    modificationEnAttente: c.modificationEnAttente !== null,
    cv: await descriptionCv(tx, c.id),
    creeLe: c.creeLe,
  };
}

/** Everything the platform holds about the person, for the right of access (RGPD art. 15). */
export async function donneesPersonnelles(tx: Executeur, utilisateurId: string, maintenant: Date) {
  const [u] = await tx.select().from(utilisateur).where(eq(utilisateur.id, utilisateurId));
  const c = await candidatureDe(tx, utilisateurId);
  const relations = c
    ? await tx
        .select({
          structure: structure.nom,
          statut: miseEnRelation.statut,
          origine: miseEnRelation.origine,
          le: miseEnRelation.modifieLe,
        })
        .from(miseEnRelation)
        .innerJoin(structure, eq(structure.id, miseEnRelation.structureId))
        .where(eq(miseEnRelation.candidatureId, c.id))
    : [];
  const contrats = await tx
    .select({
      structure: structure.nom,
      type: contrat.type,
      dateDebut: contrat.dateDebut,
      dateFin: contrat.dateFin,
      statut: contrat.statut,
      salaireBrutMensuelCents: contrat.salaireBrutMensuelCents,
      heuresHebdo: contrat.heuresHebdo,
    })
    .from(contrat)
    .innerJoin(structure, eq(structure.id, contrat.structureId))
    .where(eq(contrat.utilisateurId, utilisateurId));
  const formations = await tx
    .select()
    .from(formation)
    .where(eq(formation.utilisateurId, utilisateurId));
  const certifications = await tx
    .select()
    .from(certification)
    .where(eq(certification.utilisateurId, utilisateurId));
  const { confirmationHash: _h, confirmationExpireLe: _e, ...candidatureSansJeton } = c ?? {};
  return {
    exporteLe: maintenant.toISOString(),
    personne: u ? { email: u.email, prenom: u.prenom, nom: u.nom, creeLe: u.creeLe } : null,
    candidature: c ? { ...candidatureSansJeton, cv: await descriptionCv(tx, c.id) } : null,
    misesEnRelation: relations,
    contrats,
    formations,
    certifications,
  };
}
