import { and, eq, sql } from "drizzle-orm";
import { JOURS_ACTIVITE_EQUIPE } from "../../domain/coordination/equipe.ts";
import { echec, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import type { SessionChargee } from "../access/index.ts";
import { type Db, type Executeur, lignes } from "../db/client.ts";
import { membreEquipe } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Courriel, Messagerie } from "../infra/messagerie.ts";
import { equipeDe } from "./coordination-service.ts";

/** The mails queued with the change, to deliver once it is committed (as `inviterUtilisateur`). */
type Envoi = { courriels: string[] };
type Commun = { connexion: SessionChargee; acteur: Acteur; maintenant: Date; urlPublique: string };

const invitation = (p: Commun, email: string): Courriel => ({
  destinataire: email,
  modele: "invitation_equipe",
  objet: "Invitation dans une équipe de conseillers numériques",
  texte: [
    "Bonjour,",
    "",
    `${p.connexion.utilisateur.prenom} ${p.connexion.utilisateur.nom}, coordinateur ou coordinatrice de conseillers numériques, vous invite à rejoindre son équipe.`,
    `Connectez-vous avec cette adresse pour accepter l'invitation : ${p.urlPublique}/espace/conseiller`,
  ].join("\n"),
});

/**
 * Invites a conseiller by e-mail (docs/domaine/coordination.md §4): an account already known
 * must be a conseiller of the coordinator's scope; an unknown address waits for its account.
 */
export function inviterDansLEquipe(
  db: Db,
  messagerie: Messagerie,
  p: Commun & { email: string },
): Promise<Resultat<{ id: string } & Envoi>> {
  return db.transaction(async (tx) => {
    const coordinateurId = p.connexion.utilisateur.id;
    const [deja] = await lignes<{ id: string }>(
      tx,
      sql`select id from membre_equipe where coordinateur_id = ${coordinateurId}
        and email = ${p.email} and statut <> 'archive'`,
    );
    if (deja)
      return echec("email", "Cette personne est déjà invitée dans votre équipe ou en est membre.");
    const [compte] = await lignes<{ id: string; conseiller: boolean }>(
      tx,
      sql`select u.id, exists (select 1 from habilitation h where h.utilisateur_id = u.id
          and h.role = 'conseiller' and h.actif) as conseiller
        from utilisateur u where lower(u.email) = ${p.email}`,
    );
    if (compte && !compte.conseiller)
      return echec(
        "email",
        "Cette adresse est celle d'un compte qui n'est pas un conseiller numérique.",
      );
    if (compte && !equipeDe(p.connexion).includes(compte.id))
      return echec("email", "Ce conseiller n'est pas dans votre périmètre de coordination.");
    const [l] = await tx
      .insert(membreEquipe)
      .values({
        coordinateurId,
        email: p.email,
        conseillerId: compte?.id ?? null,
        statut: "invite",
        inviteLe: p.maintenant,
      })
      .returning({ id: membreEquipe.id });
    await journaliser(tx, p.acteur, {
      action: "equipe.invitation",
      cibleType: "membre_equipe",
      cibleId: l!.id,
      apres: { compteConnu: Boolean(compte) },
    });
    const courriels = await messagerie.mettreEnFileEnLot(tx, [invitation(p, p.email)]);
    return reussite({ id: l!.id, courriels });
  });
}

/** One of the coordinator's team rows in the expected status, or the reason it is not. */
async function maLigne(tx: Executeur, coordinateurId: string, id: string, statut: string) {
  const [l] = await tx
    .select()
    .from(membreEquipe)
    .where(and(eq(membreEquipe.id, id), eq(membreEquipe.coordinateurId, coordinateurId)));
  if (!l) return introuvable("Cette personne ne fait pas partie de votre équipe.");
  if (l.statut !== statut)
    return echec(
      "statut",
      statut === "invite"
        ? "Cette invitation a déjà été acceptée ou retirée."
        : "Seul un membre de l'équipe peut être archivé.",
    );
  return reussite(l);
}

export function relancerInvitation(
  db: Db,
  messagerie: Messagerie,
  p: Commun & { id: string },
): Promise<Resultat<{ ok: true } & Envoi>> {
  return db.transaction(async (tx) => {
    const l = await maLigne(tx, p.connexion.utilisateur.id, p.id, "invite");
    if (!l.ok) return l;
    await tx.update(membreEquipe).set({ relanceLe: p.maintenant }).where(eq(membreEquipe.id, p.id));
    await journaliser(tx, p.acteur, {
      action: "equipe.relance",
      cibleType: "membre_equipe",
      cibleId: p.id,
    });
    const courriels = await messagerie.mettreEnFileEnLot(tx, [invitation(p, l.valeur.email)]);
    return reussite({ ok: true as const, courriels });
  });
}

export async function retirerInvitation(
  db: Db,
  p: { coordinateurId: string; id: string; acteur: Acteur },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const l = await maLigne(tx, p.coordinateurId, p.id, "invite");
    if (!l.ok) return l;
    await tx.delete(membreEquipe).where(eq(membreEquipe.id, p.id));
    await journaliser(tx, p.acteur, {
      action: "equipe.invitation_retiree",
      cibleType: "membre_equipe",
      cibleId: p.id,
    });
    return reussite({ ok: true as const });
  });
}

export async function archiverMembre(
  db: Db,
  p: { coordinateurId: string; id: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const l = await maLigne(tx, p.coordinateurId, p.id, "membre");
    if (!l.ok) return l;
    await tx
      .update(membreEquipe)
      .set({ statut: "archive", archiveLe: p.maintenant })
      .where(eq(membreEquipe.id, p.id));
    await journaliser(tx, p.acteur, {
      action: "equipe.archive",
      cibleType: "membre_equipe",
      cibleId: p.id,
    });
    return reussite({ ok: true as const });
  });
}

/** The invitations waiting for the signed-in conseiller, by their address. */
export async function invitationsRecues(db: Executeur, email: string) {
  const recues = await lignes<{ id: string; coordinateur: string; inviteLe: Date | string }>(
    db,
    sql`select m.id, u.prenom || ' ' || u.nom as coordinateur, m.invite_le as "inviteLe"
        from membre_equipe m join utilisateur u on u.id = m.coordinateur_id
        where m.email = ${email.toLowerCase()} and m.statut = 'invite'
        order by m.invite_le desc`,
  );
  // A raw statement reads a timestamp as the driver gives it: the instant, whichever it is.
  return recues.map((r) => ({ ...r, inviteLe: new Date(r.inviteLe) }));
}

/** The conseiller accepts an invitation sent to their address: they join the team. */
export async function accepterInvitation(
  db: Db,
  p: { id: string; conseillerId: string; email: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const [l] = await tx
      .update(membreEquipe)
      .set({ statut: "membre", conseillerId: p.conseillerId, accepteLe: p.maintenant })
      .where(
        and(
          eq(membreEquipe.id, p.id),
          eq(membreEquipe.email, p.email.toLowerCase()),
          eq(membreEquipe.statut, "invite"),
        ),
      )
      .returning({ id: membreEquipe.id });
    if (!l)
      return introuvable("Cette invitation n'existe pas, n'est pas la vôtre ou a été retirée.");
    await journaliser(tx, p.acteur, {
      action: "equipe.acceptation",
      cibleType: "membre_equipe",
      cibleId: l.id,
    });
    return reussite({ ok: true as const });
  });
}

const ETAT_SQL = (aujourdhui: string) => sql`case m.statut
    when 'invite' then 'invite' when 'archive' then 'archive'
    else case when da.jour >= ${ajouterJours(aujourdhui, -JOURS_ACTIVITE_EQUIPE)}::date
      then 'actif' else 'inactif' end end`;

export const TAILLE_PAGE_EQUIPE = 50;

/** The team with each one's state, filtered by state, a page at a time, with the exact total. */
export async function monEquipe(
  db: Executeur,
  coordinateurId: string,
  f: { etat?: string | undefined; page: number | null },
  maintenant: Date,
) {
  const aujourdhui = jourParis(maintenant);
  const etat = ETAT_SQL(aujourdhui);
  const source = sql`from membre_equipe m
      left join utilisateur u on u.id = m.conseiller_id
      left join derniere_activite da on da.conseiller_id = m.conseiller_id
      where m.coordinateur_id = ${coordinateurId}
        ${f.etat ? sql`and ${etat} = ${f.etat}` : sql``}`;
  const [total] = await lignes<{ n: number }>(db, sql`select count(*)::int as n ${source}`);
  const membres = await lignes<{
    id: string;
    email: string;
    prenom: string | null;
    nom: string | null;
    etat: "actif" | "inactif" | "invite" | "archive";
    dernierCra: string | null;
    inviteLe: Date | string;
  }>(
    db,
    sql`select m.id, m.email, u.prenom, u.nom, ${etat} as etat, da.jour::text as "dernierCra",
          m.invite_le as "inviteLe"
        ${source}
        order by u.nom nulls last, m.email, m.id
        ${f.page === null ? sql`` : sql`limit ${TAILLE_PAGE_EQUIPE} offset ${(f.page - 1) * TAILLE_PAGE_EQUIPE}`}`,
  );
  return {
    total: total?.n ?? 0,
    membres: membres.map((m) => ({ ...m, inviteLe: new Date(m.inviteLe) })),
  };
}
