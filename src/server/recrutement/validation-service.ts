import { and, eq, sql } from "drizzle-orm";
import { conflit, enConflit, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { transitionCandidature } from "../../domain/recrutement/candidature.ts";
import type { StatutContrat } from "../../domain/recrutement/contrat.ts";
import { HORS_DE_PORTEE } from "../../domain/recrutement/contrat.ts";
import { fermerSessionsUtilisateur } from "../access/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import {
  candidature,
  contrat,
  formation,
  habilitation,
  rupture,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { rendreCaduques } from "./candidat-service.ts";
import { changerStatutContrat, contratDeStructure, defaireDeclaration } from "./contrat-service.ts";
import { terminerContrat } from "./fin-contrat-service.ts";

/** Programme mailboxes are given to conseillers; a personal address is expected here. */
const DOMAINE_PROGRAMME = /@conseiller-numerique\.fr$/i;

/** The conseiller habilitation of a person at a structure, opened (or reopened) once. */
export async function ouvrirHabilitationConseiller(
  tx: Executeur,
  acteur: Acteur,
  utilisateurId: string,
  structureId: string,
): Promise<void> {
  const [existante] = await tx
    .select({ id: habilitation.id })
    .from(habilitation)
    .where(
      and(
        eq(habilitation.utilisateurId, utilisateurId),
        eq(habilitation.role, "conseiller"),
        eq(habilitation.structureId, structureId),
        eq(habilitation.actif, true),
      ),
    );
  if (!existante) {
    const [h] = await tx
      .insert(habilitation)
      .values({ utilisateurId, role: "conseiller", perimetre: { type: "soi" }, structureId })
      .returning({ id: habilitation.id });
    await journaliser(tx, acteur, {
      action: "habilitation.ajoutee",
      cibleType: "utilisateur",
      cibleId: utilisateurId,
      apres: { habilitationId: h!.id, role: "conseiller", structureId },
    });
  }
  const suspendues = await tx
    .update(habilitation)
    .set({ actif: false, finLe: sql`now()` })
    .where(
      and(
        eq(habilitation.utilisateurId, utilisateurId),
        eq(habilitation.role, "candidat"),
        eq(habilitation.actif, true),
      ),
    )
    .returning({ id: habilitation.id });
  if (suspendues.length > 0) {
    await journaliser(tx, acteur, {
      action: "habilitation.suspendue",
      cibleType: "utilisateur",
      cibleId: utilisateurId,
      apres: { role: "candidat" },
    });
  }
  await fermerSessionsUtilisateur(tx, utilisateurId);
}

/**
 * The admin validates a recruitment (docs/domaine/recrutement.md §6.2): guards of the original, then every
 * effect in one transaction with its journal lines; mails leave after commit.
 */
export async function validerRecrutement(
  db: Db,
  messagerie: Messagerie,
  params: { contratId: string; acteur: Acteur; maintenant: Date; urlPublique: string },
): Promise<Resultat<{ courriels: string[] }>> {
  return db.transaction(async (tx) => {
    const c = await contratDeStructure(tx, params.contratId, null);
    if (!c) return introuvable(HORS_DE_PORTEE);
    if (c.statut !== "declare")
      return conflit("statut", "Seul un recrutement déclaré peut être validé.");
    if (!c.dateSignature)
      return conflit(
        "dateSignature",
        "La structure doit enregistrer la date de signature du contrat avant la validation.",
      );
    const [personne] = await tx
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.id, c.utilisateurId));
    if (!personne) return introuvable(HORS_DE_PORTEE);
    if (DOMAINE_PROGRAMME.test(personne.email))
      return conflit(
        "email",
        "L'adresse de la personne est une messagerie du dispositif : une adresse personnelle est attendue.",
      );
    const [actif] = await tx
      .select()
      .from(contrat)
      .where(and(eq(contrat.utilisateurId, c.utilisateurId), eq(contrat.statut, "actif")));
    if (actif && actif.id !== c.renouvelleContratId)
      return conflit("utilisateurId", "Cette personne a déjà un contrat actif.");
    const [derniereRupture] = await tx
      .select({ date: sql<string>`max(${rupture.dateRupture})::text` })
      .from(rupture)
      .innerJoin(contrat, eq(contrat.id, rupture.contratId))
      .where(and(eq(contrat.utilisateurId, c.utilisateurId), eq(rupture.statut, "validee")));
    if (derniereRupture?.date && c.dateDebut < derniereRupture.date)
      return conflit(
        "dateDebut",
        "Le contrat ne peut pas commencer avant la rupture précédente de cette personne.",
      );

    if (actif) {
      const fin = await terminerContrat(tx, actif, {
        motif: "renouvellement",
        date: c.dateDebut,
        acteur: params.acteur,
        maintenant: params.maintenant,
        posteSuitLeNouveauContrat: true,
      });
      if (!fin.ok) return fin;
    }
    const t = await changerStatutContrat(tx, c, "valider", {
      acteur: params.acteur,
      maintenant: params.maintenant,
      action: "contrat.valide",
    });
    if (!t.ok) return enConflit(t);

    const [cand] = await tx.select().from(candidature).where(eq(candidature.id, c.candidatureId));
    if (cand && cand.statut !== "en_poste") {
      const tc = transitionCandidature(
        cand.statut as Parameters<typeof transitionCandidature>[0],
        "etre_recrute",
      );
      if (!tc.ok) return enConflit(tc);
      await tx
        .update(candidature)
        .set({ statut: tc.valeur, modifieLe: params.maintenant })
        .where(eq(candidature.id, cand.id));
      await journaliser(tx, params.acteur, {
        action: "candidature.en_poste",
        cibleType: "candidature",
        cibleId: cand.id,
        avant: { statut: cand.statut },
        apres: { statut: tc.valeur },
      });
    }
    await rendreCaduques(tx, params.acteur, c.candidatureId, params.maintenant, c.structureId);
    await ouvrirHabilitationConseiller(tx, params.acteur, c.utilisateurId, c.structureId);

    // One initial training per person: a renewal or a second contract does not open another.
    const [dejaFormee] = await tx
      .select({ id: formation.id })
      .from(formation)
      .where(eq(formation.utilisateurId, c.utilisateurId));
    if (!dejaFormee) {
      const [f] = await tx
        .insert(formation)
        .values({ contratId: c.id, utilisateurId: c.utilisateurId, statut: "a_inscrire" })
        .returning({ id: formation.id });
      await journaliser(tx, params.acteur, {
        action: "formation.ouverte",
        cibleType: "formation",
        cibleId: f!.id,
        apres: { statut: "a_inscrire", contratId: c.id },
      });
    }

    const [s] = await tx.select().from(structure).where(eq(structure.id, c.structureId));
    const courriels = [
      await messagerie.mettreEnFile(tx, {
        destinataire: personne.email,
        modele: "recrutement_valide",
        objet: "Votre recrutement de conseiller numérique est validé",
        texte: [
          `Bonjour ${personne.prenom},`,
          "",
          `Votre recrutement par « ${s?.nom ?? "votre structure"} » est validé : vous êtes conseiller numérique.`,
          `Votre espace conseiller vous attend : ${params.urlPublique}/connexion`,
          "Connectez-vous avec cette adresse ; un lien de connexion vous sera envoyé.",
          "",
          "Votre structure vous inscrit à la formation initiale : le départ est attendu dans les 15 jours suivant la signature du contrat.",
        ].join("\n"),
      }),
    ];
    if (s?.contactEmail) {
      courriels.push(
        await messagerie.mettreEnFile(tx, {
          destinataire: s.contactEmail,
          modele: "recrutement_valide_structure",
          objet: "Recrutement validé – Conseillers numériques",
          texte: [
            "Bonjour,",
            "",
            `Le recrutement de ${personne.prenom} ${personne.nom} est validé par l'ANCT.`,
            "Pensez à l'inscrire à la formation initiale dans les 15 jours suivant la signature du contrat.",
            `${params.urlPublique}/espace/structure/recrutements`,
          ].join("\n"),
        }),
      );
    }
    return reussite({ courriels });
  });
}

export async function refuserRecrutement(
  db: Db,
  params: { contratId: string; motif: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<StatutContrat>> {
  return db.transaction(async (tx) => {
    const c = await contratDeStructure(tx, params.contratId, null);
    if (!c) return introuvable(HORS_DE_PORTEE);
    return defaireDeclaration(tx, c, "refuser", params);
  });
}
