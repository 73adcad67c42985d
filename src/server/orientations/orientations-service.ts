import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { conflit, echec, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { momentFr } from "../../domain/format.ts";
import {
  type Acceptation,
  CONSEILLER_PAS_DU_LIEU,
  DEJA_TRAITEE,
  ORIENTATION_INTROUVABLE,
  type Orientation,
  type Redirection,
} from "../../domain/orientations/orientation.ts";
import { instantParis, jourParis } from "../../domain/temps.ts";
import type { HabilitationActive } from "../access/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import { atelier, lieu, orientation, structure } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { employeurA } from "../structures/index.ts";
import { conseillersDuLieu, recuePar } from "./orientations-queries.ts";

export const LIEU_INCONNU = "Ce lieu n'existe pas ou n'est pas visible sur la carte.";
export const RDV_PASSE = "Le rendez-vous proposé doit être à venir.";
export const ATELIER_INCONNU = "Cet atelier n'est pas un de vos ateliers à venir.";
export const MEME_LIEU = "Choisissez un autre lieu que celui qui reçoit déjà l'orientation.";

/** A place shown on the map, where a person can be sent. */
async function lieuVisible(tx: Executeur, id: string) {
  const [l] = await tx
    .select({
      id: lieu.id,
      nom: lieu.nom,
      adresse: lieu.adresse,
      codePostal: lieu.codePostal,
    })
    .from(lieu)
    .where(and(eq(lieu.id, id), eq(lieu.visibleCarte, true)));
  return l ?? null;
}

/** The sender's département when they send: where « sent » is counted. */
async function departementDe(
  tx: Executeur,
  utilisateurId: string,
  h: HabilitationActive,
  maintenant: Date,
): Promise<string | null> {
  if (h.perimetre.type === "departement") return h.perimetre.code;
  if (h.role !== "conseiller") return null;
  const employeur = await employeurA(tx, utilisateurId, jourParis(maintenant));
  if (!employeur) return null;
  const [s] = await tx
    .select({ d: structure.departementCode })
    .from(structure)
    .where(eq(structure.id, employeur));
  return s?.d ?? null;
}

/**
 * Sends a person to a place shown on the map, with their agreement (docs/domaine/orientations.md
 * §2). The journal keeps the place and the need, never the person.
 */
export async function orienter(
  db: Db,
  p: {
    emetteurId: string;
    habilitation: HabilitationActive;
    saisie: Orientation;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ id: string }>> {
  return db.transaction(async (tx) => {
    const l = await lieuVisible(tx, p.saisie.lieuId);
    if (!l) return echec("lieuId", LIEU_INCONNU);
    const s = p.saisie;
    if (s.conseillerId) {
      const [la] = await conseillersDuLieu(tx, l.id, jourParis(p.maintenant), s.conseillerId);
      if (!la) return echec("conseillerId", CONSEILLER_PAS_DU_LIEU);
    }
    const [o] = await tx
      .insert(orientation)
      .values({
        emetteurId: p.emetteurId,
        emetteurRole: p.habilitation.role,
        departementEmetteur: await departementDe(tx, p.emetteurId, p.habilitation, p.maintenant),
        lieuId: l.id,
        conseillerId: s.conseillerId ?? null,
        thematiques: [...new Set(s.thematiques)],
        urgence: s.urgence,
        precisions: s.precisions ?? null,
        prenom: s.prenom,
        nom: s.nom ?? null,
        email: s.email ?? null,
        telephone: s.telephone ?? null,
        statut: "a_traiter",
        creeLe: p.maintenant,
        modifieLe: p.maintenant,
      })
      .returning({ id: orientation.id });
    await journaliser(tx, p.acteur, {
      action: "orientation.envoyee",
      cibleType: "orientation",
      cibleId: o!.id,
      apres: { lieuId: l.id, urgence: s.urgence, thematiques: s.thematiques },
    });
    return reussite({ id: o!.id });
  });
}

/** An orientation addressed to one of the conseiller's places today, locked, still open. */
async function orientationRecue(
  tx: Executeur,
  id: string,
  conseillerId: string,
  maintenant: Date,
  statutsOuverts: readonly string[],
) {
  const [o] = await tx
    .select()
    .from(orientation)
    .where(and(eq(orientation.id, id), recuePar(conseillerId, jourParis(maintenant))))
    .for("update");
  if (!o) return introuvable(ORIENTATION_INTROUVABLE);
  if (!statutsOuverts.includes(o.statut)) return conflit("id", DEJA_TRAITEE);
  return reussite(o);
}

/** What the person reads: who expects them, where, when; or where they are sent on to. */
function courriel(
  o: { prenom: string | null; email: string | null },
  objet: string,
  corps: string,
) {
  return o.email
    ? [
        {
          destinataire: o.email,
          objet,
          modele: "orientation.personne",
          texte: `Bonjour ${o.prenom ?? ""},\n\n${corps}\n\nL'équipe Conseillers numériques France Services`,
        },
      ]
    : [];
}

/**
 * A conseiller of the receiving place accepts: a time to come or one of their workshops to come.
 * The person is told the place, its address and the time (by e-mail when they gave one).
 */
export async function accepter(
  db: Db,
  messagerie: Messagerie,
  p: { id: string; conseillerId: string; saisie: Acceptation; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ mails: string[] }>> {
  return db.transaction(async (tx) => {
    const r = await orientationRecue(tx, p.id, p.conseillerId, p.maintenant, ["a_traiter"]);
    if (!r.ok) return r;
    const o = r.valeur;
    // Where the person is expected: the workshop's place, else the orientation's, even if it
    // left the map since it was sent.
    let lieuId = o.lieuId;
    let rendezVous: Date | null = null;
    let atelierId: string | null = null;
    let moment: string;
    if (p.saisie.atelierId) {
      const [a] = await tx
        .select({
          id: atelier.id,
          titre: atelier.titre,
          debut: atelier.debut,
          lieuId: atelier.lieuId,
        })
        .from(atelier)
        .where(
          and(
            eq(atelier.id, p.saisie.atelierId),
            eq(atelier.conseillerId, p.conseillerId),
            isNull(atelier.annuleLe),
            gt(atelier.debut, p.maintenant),
          ),
        );
      if (!a) return echec("atelierId", ATELIER_INCONNU);
      atelierId = a.id;
      lieuId = a.lieuId;
      moment = `à l'atelier « ${a.titre} », le ${momentFr(a.debut)}`;
    } else {
      rendezVous = instantParis(p.saisie.jour!, p.saisie.heure!);
      if (rendezVous <= p.maintenant) return echec("jour", RDV_PASSE);
      moment = `le ${momentFr(rendezVous)}`;
    }
    const l = await lieuDe(tx, lieuId);
    await tx
      .update(orientation)
      .set({
        statut: "acceptee",
        rendezVous,
        atelierId,
        traiteePar: p.conseillerId,
        modifieLe: p.maintenant,
      })
      .where(eq(orientation.id, o.id));
    await journaliser(tx, p.acteur, {
      action: "orientation.acceptee",
      cibleType: "orientation",
      cibleId: o.id,
      apres: { rendezVous: rendezVous?.toISOString() ?? null, atelierId },
    });
    const mot = p.saisie.message ? `\n\nMessage du conseiller numérique : ${p.saisie.message}` : "";
    const mails = await messagerie.mettreEnFileEnLot(
      tx,
      courriel(
        o,
        `Votre rendez-vous avec un conseiller numérique : ${l.nom}`,
        `Un conseiller numérique vous attend ${moment}, à ${l.nom}, ${l.adresse}, ${l.codePostal}.${mot}\n\nSi vous ne pouvez pas venir, prévenez le lieu ou la personne qui vous a orienté.`,
      ),
    );
    return reussite({ mails });
  });
}

async function lieuDe(tx: Executeur, id: string) {
  const [l] = await tx
    .select({ id: lieu.id, nom: lieu.nom, adresse: lieu.adresse, codePostal: lieu.codePostal })
    .from(lieu)
    .where(eq(lieu.id, id));
  return l!;
}

/**
 * Sends it on to another place with a reason: the orientation moves to that place's queue, the
 * sender reads the reason, the person is told where to go.
 */
export async function rediriger(
  db: Db,
  messagerie: Messagerie,
  p: { id: string; conseillerId: string; saisie: Redirection; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ mails: string[] }>> {
  return db.transaction(async (tx) => {
    const r = await orientationRecue(tx, p.id, p.conseillerId, p.maintenant, ["a_traiter"]);
    if (!r.ok) return r;
    const o = r.valeur;
    if (p.saisie.lieuId === o.lieuId) return echec("lieuId", MEME_LIEU);
    const l = await lieuVisible(tx, p.saisie.lieuId);
    if (!l) return echec("lieuId", LIEU_INCONNU);
    await tx
      .update(orientation)
      .set({
        lieuId: l.id,
        // Sent on to a place, not to one of its conseillers.
        conseillerId: null,
        redirections: sql`${orientation.redirections} + 1`,
        motifRedirection: p.saisie.motif,
        modifieLe: p.maintenant,
      })
      .where(eq(orientation.id, o.id));
    await journaliser(tx, p.acteur, {
      action: "orientation.redirigee",
      cibleType: "orientation",
      cibleId: o.id,
      avant: { lieuId: o.lieuId },
      apres: { lieuId: l.id },
    });
    const mails = await messagerie.mettreEnFileEnLot(
      tx,
      courriel(
        o,
        `Votre demande est transmise à ${l.nom}`,
        `Votre demande d'accompagnement numérique a été transmise à ${l.nom}, ${l.adresse}, ${l.codePostal}, mieux à même de vous aider : ${p.saisie.motif}\n\nCe lieu vous contactera pour vous proposer un moment.`,
      ),
    );
    return reussite({ mails });
  });
}

/** The person did not come: the orientation ends, the sender reads it. */
export async function marquerAbsente(
  db: Db,
  p: { id: string; conseillerId: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const r = await orientationRecue(tx, p.id, p.conseillerId, p.maintenant, ["acceptee"]);
    if (!r.ok) return r;
    await tx
      .update(orientation)
      .set({ statut: "absente", finLe: p.maintenant, modifieLe: p.maintenant })
      .where(eq(orientation.id, p.id));
    await journaliser(tx, p.acteur, {
      action: "orientation.absente",
      cibleType: "orientation",
      cibleId: p.id,
      apres: { statut: "absente" },
    });
    return reussite({ ok: true as const });
  });
}

/**
 * The report of the accompaniment an orientation led to (docs/domaine/orientations.md §4): checked
 * and locked before the report is written, marked « vue » with it after, in its transaction.
 */
export async function orientationAVoir(
  tx: Executeur,
  id: string,
  conseillerId: string,
  maintenant: Date,
) {
  const r = await orientationRecue(tx, id, conseillerId, maintenant, ["a_traiter", "acceptee"]);
  return r.ok
    ? reussite({ id })
    : { ...r, erreurs: r.erreurs.map((e) => ({ ...e, champ: "orientationId" })) };
}

export async function marquerVue(
  tx: Executeur,
  p: { id: string; craId: string; conseillerId: string; acteur: Acteur; maintenant: Date },
) {
  await tx
    .update(orientation)
    .set({
      statut: "vue",
      craId: p.craId,
      traiteePar: sql`coalesce(${orientation.traiteePar}, ${p.conseillerId}::uuid)`,
      finLe: p.maintenant,
      modifieLe: p.maintenant,
    })
    .where(eq(orientation.id, p.id));
  await journaliser(tx, p.acteur, {
    action: "orientation.vue",
    cibleType: "orientation",
    cibleId: p.id,
    apres: { craId: p.craId },
  });
}
