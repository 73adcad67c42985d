import { and, eq, gt, inArray, or, sql } from "drizzle-orm";
import {
  conflit,
  echec,
  enConflit,
  introuvable,
  type Resultat,
  reussite,
} from "../../domain/erreurs.ts";
import type { Candidat, StatutCandidature } from "../../domain/recrutement/candidature.ts";
import {
  refusDisponibilitePassee,
  transitionCandidature,
} from "../../domain/recrutement/candidature.ts";
import { jourParis } from "../../domain/temps.ts";
import { COMMUNE_INCONNUE } from "../../domain/territoire.ts";
import { fermerSessionsUtilisateur } from "../access/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import {
  candidature,
  commune,
  contrat,
  courriel,
  habilitation,
  journalConnexion,
  miseEnRelation,
  utilisateur,
} from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { empreinte, jetonAleatoire } from "../infra/secrets.ts";
import { colonnesPosition, type Position } from "../referentiel/index.ts";
import { confirmerCv, deposerCv, supprimerCv } from "./cv-service.ts";

const DUREE_CONFIRMATION_MS = 7 * 24 * 60 * 60 * 1000;

/** The same answer whether the address is new or known: the form reveals no account. */
export const REPONSE_CANDIDATURE_CONSEILLER =
  "Merci. Pour enregistrer votre candidature, cliquez sur le lien que nous venons d'envoyer à votre adresse électronique (valable 7 jours).";
export const CONFIRMATION_CONSEILLER_INVALIDE =
  "Ce lien de confirmation n'est plus valable : il a déjà servi, ou il a expiré. Vous pouvez candidater de nouveau.";

type Saisie = Omit<Candidat, "email"> & { coordonnees: Position | null };

/** The columns a submission sets, once its commune is known. */
async function colonnesDeSaisie(tx: Executeur, s: Saisie) {
  const [lieu] = await tx.select().from(commune).where(eq(commune.code, s.communeCode));
  if (!lieu) return null;
  return {
    telephone: s.telephone,
    communeCode: lieu.code,
    departementCode: lieu.departementCode,
    regionCode: lieu.regionCode,
    ...colonnesPosition(s.coordonnees),
    situations: s.situations,
    diplome: s.situations.includes("diplome_mediation") ? s.diplome : null,
    dateDisponibilite: s.dateDisponibilite,
    distanceMaxKm: s.distanceMaxKm,
    motivation: s.motivation,
    pix: s.pix,
  };
}

/**
 * A person applies (docs/domaine/recrutement.md §5.1). One person per e-mail: a known address gets its
 * submission kept aside until the link is clicked, so nobody can change someone else's
 * application by typing their address.
 */
export async function deposerCandidatureConseiller(
  db: Db,
  messagerie: Messagerie,
  params: {
    candidat: Candidat;
    coordonnees: Position | null;
    cv: { nom: string; contenu: Buffer; cle: Buffer } | null;
    acteur: Acteur;
    maintenant: Date;
    urlPublique: string;
  },
): Promise<Resultat<{ courriels: string[] }>> {
  const passee = refusDisponibilitePassee(
    params.candidat.dateDisponibilite,
    jourParis(params.maintenant),
  );
  if (passee) return passee;
  const { email, ...reste } = params.candidat;
  const saisie: Saisie = { ...reste, coordonnees: params.coordonnees };
  return db.transaction(async (tx) => {
    const colonnes = await colonnesDeSaisie(tx, saisie);
    if (!colonnes) return echec("communeCode", COMMUNE_INCONNUE);
    let [personne] = await tx.select().from(utilisateur).where(eq(utilisateur.email, email));
    if (!personne) {
      [personne] = await tx
        .insert(utilisateur)
        .values({ email, prenom: saisie.prenom, nom: saisie.nom })
        .returning();
      // Personal fields stay out of the journal: it outlives an erased application.
      await journaliser(tx, params.acteur, {
        action: "utilisateur.cree",
        cibleType: "utilisateur",
        cibleId: personne!.id,
        apres: { origine: "candidature_conseiller" },
      });
    }
    const jeton = jetonAleatoire();
    const confirmation = {
      confirmationHash: empreinte(jeton),
      confirmationExpireLe: new Date(params.maintenant.getTime() + DUREE_CONFIRMATION_MS),
      modificationEnAttente: saisie as unknown as Record<string, unknown>,
      modifieLe: params.maintenant,
    };
    const [existante] = await tx
      .select({ id: candidature.id })
      .from(candidature)
      .where(eq(candidature.utilisateurId, personne!.id));
    let candidatureId: string;
    if (existante) {
      await tx.update(candidature).set(confirmation).where(eq(candidature.id, existante.id));
      candidatureId = existante.id;
    } else {
      const [nouvelle] = await tx
        .insert(candidature)
        .values({
          utilisateurId: personne!.id,
          statut: "en_attente_confirmation",
          creeLe: params.maintenant,
          ...colonnes,
          ...confirmation,
        })
        .returning({ id: candidature.id });
      candidatureId = nouvelle!.id;
    }
    if (params.cv) {
      await deposerCv(tx, {
        candidatureId,
        enAttente: Boolean(existante),
        ...params.cv,
        acteur: params.acteur,
        maintenant: params.maintenant,
      });
    }
    await journaliser(tx, params.acteur, {
      action: existante ? "candidature.modification_proposee" : "candidature.creee",
      cibleType: "candidature",
      cibleId: candidatureId,
      apres: existante ? undefined : { statut: "en_attente_confirmation" },
    });
    const id = await messagerie.mettreEnFile(tx, {
      destinataire: email,
      modele: "confirmation_candidature_conseiller",
      objet: "Confirmez votre candidature – Conseillers numériques France Services",
      texte: [
        `Bonjour ${saisie.prenom},`,
        "",
        "Une candidature pour devenir conseiller numérique vient d'être saisie avec votre adresse.",
        "Pour l'enregistrer, ouvrez ce lien (valable 7 jours) :",
        `${params.urlPublique}/candidature-conseiller/confirmation?jeton=${jeton}`,
        "",
        "Si vous n'êtes pas à l'origine de cette candidature, ignorez ce message : rien ne sera enregistré.",
      ].join("\n"),
    });
    return reussite({ courriels: [id] });
  });
}

/** The link was clicked: the submission is applied and the person can sign in as a candidate. */
export async function confirmerCandidatureConseiller(
  db: Db,
  params: { jeton: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ candidatureId: string }>> {
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(candidature)
      .where(
        and(
          eq(candidature.confirmationHash, empreinte(params.jeton)),
          gt(candidature.confirmationExpireLe, params.maintenant),
        ),
      )
      .for("update");
    if (!c?.utilisateurId || !c.modificationEnAttente)
      return echec("jeton", CONFIRMATION_CONSEILLER_INVALIDE);
    const saisie = c.modificationEnAttente as unknown as Saisie;
    const colonnes = await colonnesDeSaisie(tx, saisie);
    if (!colonnes) return echec("jeton", CONFIRMATION_CONSEILLER_INVALIDE);
    const statut =
      c.statut === "en_attente_confirmation"
        ? transitionCandidature(c.statut, "confirmer_courriel")
        : c.statut === "indisponible"
          ? transitionCandidature(c.statut, "se_dire_disponible")
          : reussite(c.statut as "disponible" | "en_poste");
    if (!statut.ok) return statut;
    await tx
      .update(candidature)
      .set({
        ...colonnes,
        statut: statut.valeur,
        modificationEnAttente: null,
        confirmationHash: null,
        confirmationExpireLe: null,
        modifieLe: params.maintenant,
      })
      .where(eq(candidature.id, c.id));
    await tx
      .update(utilisateur)
      .set({ prenom: saisie.prenom, nom: saisie.nom })
      .where(eq(utilisateur.id, c.utilisateurId));
    await confirmerCv(tx, c.id);
    const [dejaCandidat] = await tx
      .select({ id: habilitation.id })
      .from(habilitation)
      .where(
        and(
          eq(habilitation.utilisateurId, c.utilisateurId),
          eq(habilitation.role, "candidat"),
          eq(habilitation.actif, true),
        ),
      );
    if (!dejaCandidat && statut.valeur !== "en_poste") {
      const [h] = await tx
        .insert(habilitation)
        .values({ utilisateurId: c.utilisateurId, role: "candidat", perimetre: { type: "soi" } })
        .returning({ id: habilitation.id });
      await journaliser(tx, params.acteur, {
        action: "habilitation.ajoutee",
        cibleType: "utilisateur",
        cibleId: c.utilisateurId,
        apres: { habilitationId: h!.id, role: "candidat" },
      });
    }
    await journaliser(tx, params.acteur, {
      action: "candidature.confirmee",
      cibleType: "candidature",
      cibleId: c.id,
      avant: { statut: c.statut },
      apres: { statut: statut.valeur },
    });
    return reussite({ candidatureId: c.id });
  });
}

/** The signed-in person's application (never one passed by the client). */
export async function candidatureDe(tx: Executeur, utilisateurId: string) {
  const [c] = await tx
    .select()
    .from(candidature)
    .where(eq(candidature.utilisateurId, utilisateurId));
  return c ?? null;
}

/** The candidate edits the profile; the e-mail is the account and is not edited here. */
export const PAS_DE_CANDIDATURE = "Vous n'avez pas de candidature en cours.";

export async function modifierProfil(
  db: Db,
  params: {
    utilisateurId: string;
    saisie: Saisie;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ candidatureId: string }>> {
  const passee = refusDisponibilitePassee(
    params.saisie.dateDisponibilite,
    jourParis(params.maintenant),
  );
  if (passee) return passee;
  return db.transaction(async (tx) => {
    const c = await candidatureDe(tx, params.utilisateurId);
    if (!c || c.statut === "supprimee" || c.statut === "en_attente_confirmation")
      return introuvable(PAS_DE_CANDIDATURE, "");
    const colonnes = await colonnesDeSaisie(tx, params.saisie);
    if (!colonnes) return echec("communeCode", COMMUNE_INCONNUE);
    await tx
      .update(candidature)
      .set({ ...colonnes, modifieLe: params.maintenant })
      .where(eq(candidature.id, c.id));
    await tx
      .update(utilisateur)
      .set({ prenom: params.saisie.prenom, nom: params.saisie.nom })
      .where(eq(utilisateur.id, params.utilisateurId));
    await journaliser(tx, params.acteur, {
      action: "candidature.modifiee",
      cibleType: "candidature",
      cibleId: c.id,
      apres: { champs: Object.keys(colonnes) },
    });
    return reussite({ candidatureId: c.id });
  });
}

/** Pairings still open when the person leaves the pool (docs/domaine/recrutement.md §5.4). */
export async function rendreCaduques(
  tx: Executeur,
  acteur: Acteur,
  candidatureId: string,
  maintenant: Date,
  saufStructureId?: string,
): Promise<void> {
  const closes = await tx
    .update(miseEnRelation)
    .set({ statut: "caduque", modifieLe: maintenant })
    .where(
      and(
        eq(miseEnRelation.candidatureId, candidatureId),
        inArray(miseEnRelation.statut, ["proposee", "preselectionnee"]),
      ),
    )
    .returning({ id: miseEnRelation.id, structureId: miseEnRelation.structureId });
  for (const m of closes.filter((x) => x.structureId !== saufStructureId)) {
    await journaliser(tx, acteur, {
      action: "mise_en_relation.caduque",
      cibleType: "mise_en_relation",
      cibleId: m.id,
      apres: { statut: "caduque" },
    });
  }
}

export async function changerDisponibilite(
  db: Db,
  params: { utilisateurId: string; disponible: boolean; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ statut: StatutCandidature }>> {
  return db.transaction(async (tx) => {
    const c = await candidatureDe(tx, params.utilisateurId);
    if (!c || c.statut === "supprimee") return introuvable(PAS_DE_CANDIDATURE, "");
    const t = transitionCandidature(
      c.statut as Parameters<typeof transitionCandidature>[0],
      params.disponible ? "se_dire_disponible" : "se_dire_indisponible",
    );
    if (!t.ok) return enConflit(t);
    await tx
      .update(candidature)
      .set({ statut: t.valeur, modifieLe: params.maintenant })
      .where(eq(candidature.id, c.id));
    if (!params.disponible) await rendreCaduques(tx, params.acteur, c.id, params.maintenant);
    await journaliser(tx, params.acteur, {
      action: params.disponible ? "candidature.disponible" : "candidature.indisponible",
      cibleType: "candidature",
      cibleId: c.id,
      avant: { statut: c.statut },
      apres: { statut: t.valeur },
    });
    return reussite({ statut: t.valeur });
  });
}

export const SUPPRESSION_EN_POSTE =
  "Vous avez un contrat en cours ou un recrutement déclaré : la suppression sera possible à la fin du contrat.";

/**
 * Erases everything personal (docs/domaine/recrutement.md §5.2, docs/securite.md): the application's fields,
 * the CV, the person's names and address when no other role remains. Counts survive through the
 * row's status, dates, département and région.
 */
export async function supprimerCandidature(
  db: Db,
  params: { utilisateurId: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const c = await candidatureDe(tx, params.utilisateurId);
    if (!c || c.statut === "supprimee") return introuvable(PAS_DE_CANDIDATURE, "");
    const [occupe] = await tx
      .select({ id: contrat.id })
      .from(contrat)
      .where(
        and(
          eq(contrat.utilisateurId, params.utilisateurId),
          inArray(contrat.statut, ["declare", "actif"]),
        ),
      );
    if (occupe) return conflit("candidature", SUPPRESSION_EN_POSTE);
    await rendreCaduques(tx, params.acteur, c.id, params.maintenant);
    await supprimerCv(tx, c.id);
    await tx
      .update(candidature)
      .set({
        statut: "supprimee",
        utilisateurId: null,
        telephone: null,
        communeCode: null,
        latitude: null,
        longitude: null,
        situations: [],
        diplome: null,
        motivation: null,
        pix: null,
        modificationEnAttente: null,
        confirmationHash: null,
        confirmationExpireLe: null,
        modifieLe: params.maintenant,
      })
      .where(eq(candidature.id, c.id));
    await tx
      .update(habilitation)
      .set({ actif: false, finLe: params.maintenant })
      .where(
        and(
          eq(habilitation.utilisateurId, params.utilisateurId),
          eq(habilitation.role, "candidat"),
        ),
      );
    const [autreRole] = await tx
      .select({ id: habilitation.id })
      .from(habilitation)
      .where(
        and(eq(habilitation.utilisateurId, params.utilisateurId), eq(habilitation.actif, true)),
      );
    const [passe] = await tx
      .select({ id: contrat.id })
      .from(contrat)
      .where(eq(contrat.utilisateurId, params.utilisateurId));
    if (!autreRole && !passe) {
      const [personne] = await tx
        .select({ email: utilisateur.email })
        .from(utilisateur)
        .where(eq(utilisateur.id, params.utilisateurId));
      // Nor do the sign-in journal and the outbox keep the address or the IP of the person.
      await tx
        .update(journalConnexion)
        .set({ email: null, ip: null, proconnectSub: null })
        .where(
          or(
            eq(journalConnexion.utilisateurId, params.utilisateurId),
            sql`lower(${journalConnexion.email}) = lower(${personne?.email ?? ""})`,
          ),
        );
      await tx
        .delete(courriel)
        .where(sql`lower(${courriel.destinataire}) = lower(${personne?.email ?? ""})`);
      // The row stays (journal and foreign keys point to it) but no longer names anyone.
      await tx
        .update(utilisateur)
        .set({
          email: `supprime-${params.utilisateurId}@invalid`,
          prenom: "",
          nom: "",
          actif: false,
          proconnectSub: null,
        })
        .where(eq(utilisateur.id, params.utilisateurId));
    }
    await fermerSessionsUtilisateur(tx, params.utilisateurId);
    await journaliser(tx, params.acteur, {
      action: "candidature.supprimee",
      cibleType: "candidature",
      cibleId: c.id,
      avant: { statut: c.statut },
      apres: { statut: "supprimee" },
    });
    return reussite({ ok: true as const });
  });
}

/** The candidate replaces their own CV; a deleted application takes none. */
export function deposerMonCv(
  db: Db,
  params: {
    utilisateurId: string;
    nom: string;
    contenu: Buffer;
    cle: Buffer;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const c = await candidatureDe(tx, params.utilisateurId);
    if (!c || c.statut === "supprimee") return introuvable(PAS_DE_CANDIDATURE, "");
    const { utilisateurId: _, ...fichier } = params;
    await deposerCv(tx, { candidatureId: c.id, enAttente: false, ...fichier });
    return reussite({ ok: true as const });
  });
}

/** The candidate withdraws their CV, journaled when there was one. */
export function retirerMonCv(
  db: Db,
  params: { utilisateurId: string; acteur: Acteur },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const c = await candidatureDe(tx, params.utilisateurId);
    if (!c) return introuvable(PAS_DE_CANDIDATURE, "");
    if (await supprimerCv(tx, c.id)) {
      await journaliser(tx, params.acteur, {
        action: "cv.retire",
        cibleType: "candidature",
        cibleId: c.id,
      });
    }
    return reussite({ ok: true as const });
  });
}
