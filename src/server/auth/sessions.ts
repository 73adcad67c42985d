import { and, asc, eq } from "drizzle-orm";
import type { Role } from "../../domain/roles.ts";
import { sessionExpiree } from "../../domain/temps.ts";
import type { Db, Executeur } from "../db/client.ts";
import { habilitation, type PerimetreResolu, session, utilisateur } from "../db/schema.ts";
import { empreinte, jetonAleatoire } from "../infra/secrets.ts";
import { resoudrePerimetre } from "./perimetre-resolu.ts";

export type HabilitationActive = { id: string; role: Role; perimetre: PerimetreResolu };

export type SessionChargee = {
  idHash: string;
  methode: string;
  idToken: string | null;
  utilisateur: { id: string; email: string; prenom: string; nom: string };
  habilitation: HabilitationActive | null;
};

export type ReglesSession = { inactiviteMs: number; absolueMs: number };

/** Activity is written at most once a minute per session, not on every request. */
const PAS_ACTIVITE_MS = 60_000;

/** Creates a session with the user's first active habilitation; returns the cookie value. */
export async function ouvrirSession(
  tx: Executeur,
  params: { utilisateurId: string; methode: string; idToken?: string; maintenant: Date },
): Promise<string> {
  const [premiere] = await tx
    .select()
    .from(habilitation)
    .where(and(eq(habilitation.utilisateurId, params.utilisateurId), eq(habilitation.actif, true)))
    .orderBy(asc(habilitation.creeLe), asc(habilitation.id))
    .limit(1);
  const valeur = jetonAleatoire();
  await tx.insert(session).values({
    idHash: empreinte(valeur),
    utilisateurId: params.utilisateurId,
    habilitationId: premiere?.id ?? null,
    perimetre: premiere
      ? await resoudrePerimetre(tx, params.utilisateurId, premiere.role, premiere.perimetre)
      : null,
    methode: params.methode,
    idToken: params.idToken ?? null,
    creeLe: params.maintenant,
    derniereActivite: params.maintenant,
  });
  await tx
    .update(utilisateur)
    .set({ derniereConnexionLe: params.maintenant })
    .where(eq(utilisateur.id, params.utilisateurId));
  return valeur;
}

export async function chargerSession(
  db: Db,
  valeur: string,
  maintenant: Date,
  regles: ReglesSession,
): Promise<SessionChargee | null> {
  const idHash = empreinte(valeur);
  const [ligne] = await db
    .select({ s: session, u: utilisateur, h: habilitation })
    .from(session)
    .innerJoin(utilisateur, eq(utilisateur.id, session.utilisateurId))
    .leftJoin(
      habilitation,
      and(eq(habilitation.id, session.habilitationId), eq(habilitation.actif, true)),
    )
    .where(eq(session.idHash, idHash))
    .limit(1);
  if (!ligne) return null;
  if (!ligne.u.actif || sessionExpiree(ligne.s, maintenant, regles)) {
    await db.delete(session).where(eq(session.idHash, idHash));
    return null;
  }
  if (maintenant.getTime() - ligne.s.derniereActivite.getTime() > PAS_ACTIVITE_MS) {
    await db
      .update(session)
      .set({ derniereActivite: maintenant })
      .where(eq(session.idHash, idHash));
  }
  return {
    idHash,
    methode: ligne.s.methode,
    idToken: ligne.s.idToken,
    utilisateur: {
      id: ligne.u.id,
      email: ligne.u.email,
      prenom: ligne.u.prenom,
      nom: ligne.u.nom,
    },
    habilitation:
      ligne.h && ligne.s.perimetre
        ? { id: ligne.h.id, role: ligne.h.role as Role, perimetre: ligne.s.perimetre }
        : null,
  };
}

/** Switches to another habilitation the user holds; false when it is not theirs or not active. */
export async function changerHabilitation(
  tx: Executeur,
  sessionActive: SessionChargee,
  habilitationId: string,
): Promise<HabilitationActive | null> {
  const [h] = await tx
    .select()
    .from(habilitation)
    .where(
      and(
        eq(habilitation.id, habilitationId),
        eq(habilitation.utilisateurId, sessionActive.utilisateur.id),
        eq(habilitation.actif, true),
      ),
    );
  if (!h) return null;
  const perimetre = await resoudrePerimetre(tx, h.utilisateurId, h.role, h.perimetre);
  await tx
    .update(session)
    .set({ habilitationId: h.id, perimetre })
    .where(eq(session.idHash, sessionActive.idHash));
  return { id: h.id, role: h.role as Role, perimetre };
}

export async function fermerSession(db: Executeur, idHash: string): Promise<void> {
  await db.delete(session).where(eq(session.idHash, idHash));
}

/** Ends every session of a user: after a deactivation or a change of habilitations (rule 2). */
export async function fermerSessionsUtilisateur(
  tx: Executeur,
  utilisateurId: string,
): Promise<void> {
  await tx.delete(session).where(eq(session.utilisateurId, utilisateurId));
}
