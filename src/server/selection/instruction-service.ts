import { and, desc, eq, inArray } from "drizzle-orm";
import {
  conflit,
  echec,
  enConflit,
  introuvable,
  type Resultat,
  reussite,
} from "../../domain/erreurs.ts";
import { quantite } from "../../domain/format.ts";
import { couvreTerritoire } from "../../domain/perimetre.ts";
import {
  avisPossible,
  type EvenementDemande,
  estPosteCoordinateur,
  type NatureDemande,
  type StatutDemande,
  transitionDemande,
} from "../../domain/selection/demande-postes.ts";
import type { Avis, Decision, SessionComite } from "../../domain/selection/instruction.ts";
import { ISSUES_DECISION } from "../../domain/selection/instruction.ts";
import { dateLimiteRecrutement, regleApplicable } from "../../domain/selection/subvention.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import {
  avisPrefet,
  decisionComite,
  demandePostes,
  habilitation,
  poste,
  regleSubvention,
  sessionComite,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";
import { inviterDansTransaction } from "../utilisateurs/index.ts";
import { prefetsActifs } from "./prefets.ts";

export const DEMANDE_HORS_TERRITOIRE =
  "Cette demande n'existe pas ou n'est pas de votre territoire.";

/** Locks the request if the session may act on it: writes use the same scope as reads (docs/securite.md, règle 4). */
async function demandeDansPerimetre(tx: Executeur, connexion: SessionChargee, id: string) {
  const [ligne] = await tx
    .select({ demande: demandePostes, structure })
    .from(demandePostes)
    .innerJoin(structure, eq(structure.id, demandePostes.structureId))
    .where(and(eq(demandePostes.id, id), predicatPerimetre(connexion, colonnesPerimetreStructure)))
    .for("update", { of: demandePostes });
  return ligne;
}

/** The préfet gives or revises its opinion; each revision is a new row. */
export async function donnerAvis(
  db: Db,
  params: { connexion: SessionChargee; demandeId: string; avis: Avis; acteur: Acteur },
): Promise<Resultat<{ avisId: string }>> {
  return db.transaction(async (tx) => {
    const ligne = await demandeDansPerimetre(tx, params.connexion, params.demandeId);
    if (!ligne) return introuvable(DEMANDE_HORS_TERRITOIRE);
    const { demande } = ligne;
    if (!avisPossible(demande.nature as NatureDemande, demande.statut as StatutDemande)) {
      return conflit(
        "avis",
        "L'avis ne peut plus être donné ou modifié : la demande n'est pas en instruction.",
      );
    }
    if (params.avis.structureTransfertId) {
      const [cible] = await tx
        .select({ id: structure.id })
        .from(structure)
        .where(eq(structure.id, params.avis.structureTransfertId));
      if (!cible)
        return echec(
          "structureTransfertId",
          "La structure proposée pour le transfert n'existe pas.",
        );
    }
    const [ligneAvis] = await tx
      .insert(avisPrefet)
      .values({ demandeId: demande.id, ...params.avis, auteurId: params.connexion.utilisateur.id })
      .returning({ id: avisPrefet.id });
    await journaliser(tx, params.acteur, {
      action: "demande.avis_prefet",
      cibleType: "demande_postes",
      cibleId: demande.id,
      apres: params.avis,
    });
    return reussite({ avisId: ligneAvis!.id });
  });
}

/** Puts a request on a committee session's agenda. */
export async function inscrireAOrdreDuJour(
  db: Db,
  params: { connexion: SessionChargee; demandeId: string; sessionComiteId: string; acteur: Acteur },
): Promise<Resultat<true>> {
  return db.transaction(async (tx) => {
    const ligne = await demandeDansPerimetre(tx, params.connexion, params.demandeId);
    if (!ligne) return introuvable(DEMANDE_HORS_TERRITOIRE);
    const [session] = await tx
      .select()
      .from(sessionComite)
      .where(eq(sessionComite.id, params.sessionComiteId));
    if (!session) return echec("sessionComiteId", "Cette session du comité n'existe pas.");
    await tx
      .update(demandePostes)
      .set({ sessionComiteId: session.id })
      .where(eq(demandePostes.id, ligne.demande.id));
    await journaliser(tx, params.acteur, {
      action: "demande.inscrite_ordre_du_jour",
      cibleType: "demande_postes",
      cibleId: ligne.demande.id,
      avant: { sessionComiteId: ligne.demande.sessionComiteId },
      apres: { sessionComiteId: session.id, numero: session.numero },
    });
    return reussite(true);
  });
}

/**
 * Records the committee's decision. When accepted, the N posts are created with their subsidy
 * rule and deadline, and the structure's contact is invited, all in the same transaction.
 */
export async function enregistrerDecision(
  db: Db,
  messagerie: Messagerie,
  params: {
    connexion: SessionChargee;
    demandeId: string;
    decision: Decision;
    acteur: Acteur;
    maintenant: Date;
    urlPublique: string;
  },
): Promise<Resultat<{ decisionId: string; postes: number; courriels: string[] }>> {
  const d = params.decision;
  return db.transaction(async (tx) => {
    const ligne = await demandeDansPerimetre(tx, params.connexion, params.demandeId);
    if (!ligne) return introuvable(DEMANDE_HORS_TERRITOIRE);
    const { demande, structure: s } = ligne;
    const retrait = demande.nature === "retrait";
    const [session] = d.sessionComiteId
      ? await tx.select().from(sessionComite).where(eq(sessionComite.id, d.sessionComiteId))
      : [];
    if (d.sessionComiteId && !session) {
      return echec("sessionComiteId", "Cette session du comité n'existe pas.");
    }
    if (!session && !retrait)
      return echec("sessionComiteId", "Choisissez la session du comité qui a décidé.");
    const evenement: EvenementDemande =
      d.issue === "acceptee"
        ? { type: "accepter", postesAccordes: d.postesAccordes }
        : d.issue === "refusee"
          ? { type: "refuser" }
          : { type: "demander_complement" };
    const t = transitionDemande(demande.statut as StatutDemande, evenement);
    if (!t.ok) return enConflit(t);

    // Everything that can refuse is checked before the first write: a refusal changes nothing.
    // Posts given back must be vacant ones, locked here so that no recruitment takes them meanwhile.
    const rendus =
      retrait && d.issue === "acceptee"
        ? await tx
            .select({ id: poste.id })
            .from(poste)
            .where(and(eq(poste.structureId, s.id), eq(poste.statut, "vacant")))
            .orderBy(desc(poste.dateAttribution), poste.id)
            .limit(d.postesAccordes)
            .for("update")
        : [];
    if (retrait && d.issue === "acceptee" && rendus.length < d.postesAccordes) {
      return echec(
        "postesAccordes",
        `La structure n'a que ${quantite(rendus.length, "poste vacant", "postes vacants")} à rendre.`,
      );
    }
    const regle =
      d.issue === "acceptee" && !retrait
        ? regleApplicable(await tx.select().from(regleSubvention), {
            secteur: s.secteur,
            departementCode: s.departementCode,
            dateAttribution: session!.date,
          })
        : undefined;
    if (d.issue === "acceptee" && !retrait && !regle) {
      return echec(
        "sessionComiteId",
        "Aucune règle de subvention ne s'applique à cette date pour ce secteur.",
      );
    }
    const postesAccordes = d.issue === "acceptee" ? d.postesAccordes : 0;
    const [decision] = await tx
      .insert(decisionComite)
      .values({
        demandeId: demande.id,
        sessionComiteId: session?.id ?? null,
        issue: d.issue,
        postesAccordes,
        auteurId: params.connexion.utilisateur.id,
      })
      .returning({ id: decisionComite.id });
    await tx
      .update(demandePostes)
      .set({ statut: t.valeur, sessionComiteId: session?.id ?? null, modifieLe: params.maintenant })
      .where(eq(demandePostes.id, demande.id));
    await journaliser(tx, params.acteur, {
      action: `demande.${t.valeur}`,
      cibleType: "demande_postes",
      cibleId: demande.id,
      avant: { statut: demande.statut },
      apres: { statut: t.valeur, issue: d.issue, postesAccordes, coselec: session?.numero ?? null },
    });

    const courriels: string[] = [];
    if (rendus.length > 0) {
      await tx
        .update(poste)
        .set({ statut: "rendu" })
        .where(
          inArray(
            poste.id,
            rendus.map((p) => p.id),
          ),
        );
      await journaliser(tx, params.acteur, {
        action: "structure.postes_rendus",
        cibleType: "structure",
        cibleId: s.id,
        avant: { statut: "vacant" },
        apres: { statut: "rendu", postes: rendus.map((p) => p.id) },
      });
    }
    if (d.issue === "acceptee" && regle) {
      const crees = await tx
        .insert(poste)
        .values(
          Array.from({ length: d.postesAccordes }, (_, rang) => ({
            structureId: s.id,
            decisionId: decision!.id,
            coordinateur: estPosteCoordinateur(demande, rang),
            secteur: s.secteur,
            regleSubventionId: regle.id,
            plafondCents: regle.montantCents,
            dureeMois: regle.dureeMois,
            dateAttribution: session!.date,
            dateLimiteRecrutement: dateLimiteRecrutement(session!.date),
          })),
        )
        .returning({ id: poste.id });
      await journaliser(tx, params.acteur, {
        action: "structure.postes_attribues",
        cibleType: "structure",
        cibleId: s.id,
        apres: {
          postes: crees.map((p) => p.id),
          plafondCents: regle.montantCents,
          coselec: session!.numero,
        },
      });
      if (s.contactEmail) {
        const dejaGestionnaire = await tx
          .select({ id: habilitation.id })
          .from(habilitation)
          .innerJoin(utilisateur, eq(utilisateur.id, habilitation.utilisateurId))
          .where(
            and(
              eq(habilitation.structureId, s.id),
              eq(habilitation.role, "structure"),
              eq(utilisateur.email, s.contactEmail),
            ),
          );
        if (dejaGestionnaire.length === 0) {
          const invitation = await inviterDansTransaction(tx, messagerie, {
            invitation: {
              email: s.contactEmail,
              prenom: s.contactPrenom ?? "",
              nom: s.contactNom ?? "",
              role: "structure",
              perimetre: { type: "structure", structureId: s.id },
            },
            acteur: params.acteur,
            maintenant: params.maintenant,
            urlPublique: params.urlPublique,
          });
          if (invitation.ok) courriels.push(...invitation.valeur.courriels);
        }
      }
    }
    courriels.push(
      ...(await prevenirDeLaDecision(tx, messagerie, {
        structure: s,
        issue: d.issue,
        postes: postesAccordes,
        retrait,
        numero: session?.numero ?? null,
        urlPublique: params.urlPublique,
      })),
    );
    return reussite({ decisionId: decision!.id, postes: postesAccordes, courriels });
  });
}

/** Tells the structure's contact and the préfets of its territory what the committee decided. */
async function prevenirDeLaDecision(
  tx: Executeur,
  messagerie: Messagerie,
  p: {
    structure: typeof structure.$inferSelect;
    issue: Decision["issue"];
    postes: number;
    retrait: boolean;
    /** Null when the admin decided alone (a retrait). */
    numero: number | null;
    urlPublique: string;
  },
): Promise<string[]> {
  const prefets = (await prefetsActifs(tx)).filter((x) =>
    couvreTerritoire(x.perimetre, p.structure),
  );
  const destinataires = [
    ...new Set([
      ...(p.structure.contactEmail ? [p.structure.contactEmail] : []),
      ...prefets.map((x) => x.email),
    ]),
  ];
  const texte = [
    p.numero === null
      ? `L'ANCT a examiné la demande de « ${p.structure.nom} ».`
      : `Le comité national de sélection (COSELEC ${p.numero}) a examiné la demande de « ${p.structure.nom} ».`,
    `Décision : ${ISSUES_DECISION[p.issue]}${p.issue !== "acceptee" ? "." : p.retrait ? `, ${quantite(p.postes, "poste rendu", "postes rendus")}.` : `, ${quantite(p.postes, "poste accordé", "postes accordés")}. Chaque poste doit être pourvu dans le mois.`}`,
    "",
    `Le détail est sur la plateforme : ${p.urlPublique}/espace`,
  ].join("\n");
  const ids: string[] = [];
  for (const destinataire of destinataires) {
    ids.push(
      await messagerie.mettreEnFile(tx, {
        destinataire,
        modele: "decision_comite",
        objet:
          p.numero === null
            ? `Décision sur votre demande – ${p.structure.nom}`
            : `Décision du COSELEC ${p.numero} – ${p.structure.nom}`,
        texte,
      }),
    );
  }
  return ids;
}

/** The national committee's sessions, the latest first. */
export function sessionsDuComite(db: Executeur) {
  return db
    .select({ id: sessionComite.id, numero: sessionComite.numero, date: sessionComite.date })
    .from(sessionComite)
    .orderBy(desc(sessionComite.numero));
}

/** Prepares a numbered session of the committee; a number is used once. */
export function creerSessionComite(
  db: Db,
  saisie: SessionComite,
  acteur: Acteur,
): Promise<Resultat<{ id: string; numero: number; date: string }>> {
  return db.transaction(async (tx) => {
    const [existe] = await tx
      .select({ id: sessionComite.id })
      .from(sessionComite)
      .where(eq(sessionComite.numero, saisie.numero));
    if (existe) return conflit("numero", `La session COSELEC ${saisie.numero} existe déjà.`);
    const [ligne] = await tx.insert(sessionComite).values(saisie).returning({
      id: sessionComite.id,
      numero: sessionComite.numero,
      date: sessionComite.date,
    });
    await journaliser(tx, acteur, {
      action: "comite.cree",
      cibleType: "session_comite",
      cibleId: ligne!.id,
      apres: saisie,
    });
    return reussite(ligne!);
  });
}
