import { and, asc, eq, sql } from "drizzle-orm";
import type { Role } from "../../domain/roles.ts";
import { sessionExpiree } from "../../domain/temps.ts";
import { type Db, type Executeur, requetePreparee } from "../db/client.ts";
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

/**
 * What a scope is read from: whose it is and which habilitation. A session holds one; a share
 * link names one without any session (docs/domaine/statistiques-et-opendata.md §7).
 */
export type PorteurDePerimetre = {
  utilisateur: { id: string };
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

type LigneSession = {
  methode: string;
  id_token: string | null;
  perimetre: PerimetreResolu | null;
  cree_le: Date | string;
  derniere_activite: Date | string;
  utilisateur_id: string;
  email: string;
  prenom: string;
  nom: string;
  actif: boolean;
  habilitation_id: string | null;
  role: string | null;
};

// Read on every request of a signed-in user: parsed and planned once per connection.
const lireSession = requetePreparee<LigneSession>(
  "cnfs_session",
  sql`select s.methode, s.id_token, s.perimetre, s.cree_le, s.derniere_activite,
      u.id as utilisateur_id, u.email, u.prenom, u.nom, u.actif,
      h.id as habilitation_id, h.role
    from session s
    join utilisateur u on u.id = s.utilisateur_id
    left join habilitation h on h.id = s.habilitation_id and h.actif
    where s.id_hash = ${sql.placeholder("idHash")}`,
);

export async function chargerSession(
  db: Db,
  valeur: string,
  maintenant: Date,
  regles: ReglesSession,
): Promise<SessionChargee | null> {
  const idHash = empreinte(valeur);
  const [ligne] = await lireSession(db, { idHash });
  if (!ligne) return null;
  const dates = {
    creeLe: new Date(ligne.cree_le),
    derniereActivite: new Date(ligne.derniere_activite),
  };
  if (!ligne.actif || sessionExpiree(dates, maintenant, regles)) {
    await db.delete(session).where(eq(session.idHash, idHash));
    return null;
  }
  if (maintenant.getTime() - dates.derniereActivite.getTime() > PAS_ACTIVITE_MS) {
    await db
      .update(session)
      .set({ derniereActivite: maintenant })
      .where(eq(session.idHash, idHash));
  }
  return {
    idHash,
    methode: ligne.methode,
    idToken: ligne.id_token,
    utilisateur: {
      id: ligne.utilisateur_id,
      email: ligne.email,
      prenom: ligne.prenom,
      nom: ligne.nom,
    },
    habilitation:
      ligne.habilitation_id && ligne.perimetre
        ? { id: ligne.habilitation_id, role: ligne.role as Role, perimetre: ligne.perimetre }
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

/** Ends every session of a user: after a deactivation or a change of habilitations (docs/securite.md, règle 2). */
export async function fermerSessionsUtilisateur(
  tx: Executeur,
  utilisateurId: string,
): Promise<void> {
  await tx.delete(session).where(eq(session.utilisateurId, utilisateurId));
}
