import { eq } from "drizzle-orm";
import {
  type CraCoordination,
  refusCoordinationFuture,
} from "../../domain/coordination/coordination.ts";
import { echec, interdit, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { jourParis } from "../../domain/temps.ts";
import { COMMUNE_INCONNUE } from "../../domain/territoire.ts";
import type { SessionChargee } from "../access/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import { commune, craCoordination } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { lireCoordination } from "./coordination-queries.ts";

export const COORDINATION_INTROUVABLE = "Ce compte rendu de coordination n'existe pas.";

/** The conseillers a coordinator's animation may name: those its scope resolves to. */
export const equipeDe = (connexion: SessionChargee): string[] =>
  connexion.habilitation?.perimetre.conseillerIds ?? [];

/** Every kind's columns, the others empty: a kind changed on edit leaves nothing behind. */
const colonnes = (c: CraCoordination) => ({
  type: c.type,
  date: c.date,
  dureeMinutes: c.dureeMinutes,
  notes: c.notes,
  participantIds: c.type === "animation" ? [...new Set(c.participantIds)] : [],
  thematiques: c.type === "animation" ? [...new Set(c.thematiques)] : [],
  titre: c.type === "evenement" ? c.titre : null,
  communeCode: c.type === "evenement" ? c.communeCode : null,
  nbParticipants: c.type === "evenement" ? c.nbParticipants : null,
  partenaires: c.type === "evenement" ? c.partenaires : null,
  structurePartenaire: c.type === "partenariat" ? c.structurePartenaire : null,
  typePartenaire: c.type === "partenariat" ? c.typePartenaire : null,
  sujet: c.type === "partenariat" ? c.sujet : null,
});

/** What the server checks beyond the body: the day, the team, the commune of an event. */
async function refus(
  tx: Executeur,
  connexion: SessionChargee,
  c: CraCoordination,
  maintenant: Date,
) {
  const futur = refusCoordinationFuture(c.date, jourParis(maintenant));
  if (futur) return futur;
  if (c.type === "animation") {
    const equipe = new Set(equipeDe(connexion));
    if (c.participantIds.some((id) => !equipe.has(id)))
      return echec(
        "participantIds",
        "Un des participants n'est pas un conseiller de votre équipe.",
      );
  }
  if (c.type === "evenement") {
    const [co] = await tx
      .select({ code: commune.code })
      .from(commune)
      .where(eq(commune.code, c.communeCode));
    if (!co) return echec("communeCode", COMMUNE_INCONNUE);
  }
  return null;
}

/** What the journal keeps of a coordination: its kind and day, never a partner's words. */
const trace = (c: { type: string; date: string }) => ({ type: c.type, date: c.date });

export async function creerCoordination(
  db: Db,
  p: { connexion: SessionChargee; saisie: CraCoordination; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ id: string }>> {
  return db.transaction(async (tx) => {
    const r = await refus(tx, p.connexion, p.saisie, p.maintenant);
    if (r) return r;
    const [l] = await tx
      .insert(craCoordination)
      .values({
        ...colonnes(p.saisie),
        coordinateurId: p.connexion.utilisateur.id,
        creeLe: p.maintenant,
        modifieLe: p.maintenant,
      })
      .returning({ id: craCoordination.id });
    await journaliser(tx, p.acteur, {
      action: "coordination.creee",
      cibleType: "cra_coordination",
      cibleId: l!.id,
      apres: trace(p.saisie),
    });
    return reussite({ id: l!.id });
  });
}

/** One of the coordinator's reports; another's is refused, not hidden (as a CRA). */
export async function maCoordination(db: Executeur, id: string, coordinateurId: string) {
  const l = await lireCoordination(db, id);
  if (!l) return introuvable(COORDINATION_INTROUVABLE);
  if (l.coordinateurId !== coordinateurId)
    return interdit("Vous n'avez pas l'autorisation de lire ce compte rendu de coordination.");
  return reussite(l);
}

/** One of the coordinator's reports as its form reads it: its fields, not its bookkeeping. */
export async function coordinationAModifier(db: Executeur, id: string, coordinateurId: string) {
  const r = await maCoordination(db, id, coordinateurId);
  if (!r.ok) return r;
  const { coordinateurId: _auteur, creeLe: _cree, modifieLe: _modifie, ...champs } = r.valeur;
  return reussite(champs);
}

export async function modifierCoordination(
  db: Db,
  p: {
    id: string;
    connexion: SessionChargee;
    saisie: CraCoordination;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ id: string }>> {
  return db.transaction(async (tx) => {
    const avant = await maCoordination(tx, p.id, p.connexion.utilisateur.id);
    if (!avant.ok) return avant;
    const r = await refus(tx, p.connexion, p.saisie, p.maintenant);
    if (r) return r;
    await tx
      .update(craCoordination)
      .set({ ...colonnes(p.saisie), modifieLe: p.maintenant })
      .where(eq(craCoordination.id, p.id));
    await journaliser(tx, p.acteur, {
      action: "coordination.modifiee",
      cibleType: "cra_coordination",
      cibleId: p.id,
      avant: trace(avant.valeur),
      apres: trace(p.saisie),
    });
    return reussite({ id: p.id });
  });
}

export async function supprimerCoordination(
  db: Db,
  p: { id: string; coordinateurId: string; acteur: Acteur },
): Promise<Resultat<{ id: string }>> {
  return db.transaction(async (tx) => {
    const avant = await maCoordination(tx, p.id, p.coordinateurId);
    if (!avant.ok) return avant;
    await tx.delete(craCoordination).where(eq(craCoordination.id, p.id));
    await journaliser(tx, p.acteur, {
      action: "coordination.supprimee",
      cibleType: "cra_coordination",
      cibleId: p.id,
      avant: trace(avant.valeur),
    });
    return reussite({ id: p.id });
  });
}
