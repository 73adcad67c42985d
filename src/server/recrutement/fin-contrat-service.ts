import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { conflit, enConflit, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { jourFr } from "../../domain/format.ts";
import { transitionCandidature } from "../../domain/recrutement/candidature.ts";
import type { StatutContrat } from "../../domain/recrutement/contrat.ts";
import { HORS_DE_PORTEE } from "../../domain/recrutement/contrat.ts";
import {
  type MotifRupture,
  type StatutProlongation,
  type StatutRupture,
  transitionProlongation,
  transitionRupture,
} from "../../domain/recrutement/rupture.ts";
import { jourParis } from "../../domain/temps.ts";
import { fermerSessionsUtilisateur } from "../access/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import {
  candidature,
  contrat,
  demandeProlongation,
  formation,
  habilitation,
  lieuConseiller,
  rupture,
  structure,
} from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { changerStatutContrat, contratDeStructure, libererPoste } from "./contrat-service.ts";

type Contrat = typeof contrat.$inferSelect;

/**
 * Ends an active contract and closes everything that pointed to the person as conseiller
 * (docs/domaine/recrutement.md §7.2, §8): post, candidature, habilitations, coordinator perimeters, places,
 * training in progress. The caller holds the transaction.
 */
export async function terminerContrat(
  tx: Executeur,
  c: Contrat,
  params: {
    motif: "rupture" | "renouvellement" | "echeance";
    date: string;
    acteur: Acteur;
    maintenant: Date;
    posteSuitLeNouveauContrat?: boolean;
  },
): Promise<Resultat<StatutContrat>> {
  const evenement =
    params.motif === "rupture"
      ? "rompre"
      : params.motif === "renouvellement"
        ? "renouveler"
        : "arriver_a_echeance";
  const t = await changerStatutContrat(tx, c, evenement, {
    acteur: params.acteur,
    maintenant: params.maintenant,
    action: `contrat.termine_${params.motif}`,
    colonnes: { motifFin: params.motif, dateFinEffective: params.date },
  });
  if (!t.ok) return enConflit(t);
  // A renewal keeps the person in post: only the contract changes.
  if (params.posteSuitLeNouveauContrat) return t;

  await libererPoste(tx, params.acteur, c.posteId, jourParis(params.maintenant));
  const [cand] = await tx.select().from(candidature).where(eq(candidature.id, c.candidatureId));
  if (cand?.statut === "en_poste") {
    const tc = transitionCandidature("en_poste", "quitter_son_poste");
    if (tc.ok) {
      await tx
        .update(candidature)
        .set({ statut: tc.valeur, modifieLe: params.maintenant })
        .where(eq(candidature.id, cand.id));
      await journaliser(tx, params.acteur, {
        action: "candidature.disponible",
        cibleType: "candidature",
        cibleId: cand.id,
        avant: { statut: "en_poste" },
        apres: { statut: tc.valeur },
      });
    }
  }
  await tx
    .update(habilitation)
    .set({ actif: false, finLe: params.maintenant })
    .where(
      and(
        eq(habilitation.utilisateurId, c.utilisateurId),
        eq(habilitation.role, "conseiller"),
        eq(habilitation.structureId, c.structureId),
        eq(habilitation.actif, true),
      ),
    );
  const [candidatActif] = await tx
    .select({ id: habilitation.id })
    .from(habilitation)
    .where(
      and(
        eq(habilitation.utilisateurId, c.utilisateurId),
        eq(habilitation.role, "candidat"),
        eq(habilitation.actif, true),
      ),
    );
  if (!candidatActif) {
    await tx
      .insert(habilitation)
      .values({ utilisateurId: c.utilisateurId, role: "candidat", perimetre: { type: "soi" } });
  }
  // Coordinators listing this person by id stop covering them.
  await tx.execute(sql`
    update habilitation
    set perimetre = jsonb_set(perimetre, '{ids}', coalesce((
      select jsonb_agg(i) from jsonb_array_elements(perimetre->'ids') i
      where i <> to_jsonb(${c.utilisateurId}::text)), '[]'::jsonb))
    where role = 'coordinateur' and perimetre->>'type' = 'conseillers'
      and perimetre->'ids' ? ${c.utilisateurId}`);
  await tx
    .update(lieuConseiller)
    .set({ fin: params.date })
    .where(and(eq(lieuConseiller.conseillerId, c.utilisateurId), isNull(lieuConseiller.fin)));
  await tx
    .update(formation)
    .set({
      statut: "abandonnee",
      motif: `Fin du contrat (${params.motif})`,
      modifieLe: params.maintenant,
    })
    .where(
      and(
        eq(formation.utilisateurId, c.utilisateurId),
        inArray(formation.statut, ["inscrite", "positionnee", "en_cours"]),
      ),
    );
  await journaliser(tx, params.acteur, {
    action: "conseiller.sorti_du_dispositif",
    cibleType: "utilisateur",
    cibleId: c.utilisateurId,
    apres: { contratId: c.id, structureId: c.structureId, motif: params.motif, date: params.date },
  });
  await fermerSessionsUtilisateur(tx, c.utilisateurId);
  return t;
}

const RUPTURE_INTROUVABLE = introuvable(HORS_DE_PORTEE);

export async function declarerRupture(
  db: Db,
  params: {
    structureId: string;
    contratId: string;
    rupture: { dateRupture: string; motif: MotifRupture; documents: string[] };
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ ruptureId: string }>> {
  return db.transaction(async (tx) => {
    const c = await contratDeStructure(tx, params.contratId, params.structureId);
    if (!c) return RUPTURE_INTROUVABLE;
    if (c.statut !== "actif")
      return conflit("contratId", "Une rupture ne peut être déclarée que sur un contrat actif.");
    if (c.dateFin && params.rupture.dateRupture > c.dateFin)
      return conflit("dateRupture", "La date de rupture ne peut pas suivre la fin du contrat.");
    const [enCours] = await tx
      .select({ id: rupture.id })
      .from(rupture)
      .where(and(eq(rupture.contratId, c.id), inArray(rupture.statut, ["declaree", "incomplete"])));
    if (enCours) return conflit("contratId", "Une rupture est déjà en cours pour ce contrat.");
    const [r] = await tx
      .insert(rupture)
      .values({ contratId: c.id, ...params.rupture, statut: "declaree" })
      .returning({ id: rupture.id });
    await journaliser(tx, params.acteur, {
      action: "rupture.declaree",
      cibleType: "rupture",
      cibleId: r!.id,
      apres: { contratId: c.id, ...params.rupture, statut: "declaree" },
    });
    return reussite({ ruptureId: r!.id });
  });
}

/** The rupture and its contract, checked against the structure when one acts. */
async function ruptureAvecContrat(tx: Executeur, ruptureId: string, structureId: string | null) {
  const [l] = await tx
    .select({ r: rupture, c: contrat })
    .from(rupture)
    .innerJoin(contrat, eq(contrat.id, rupture.contratId))
    .where(
      and(
        eq(rupture.id, ruptureId),
        structureId ? eq(contrat.structureId, structureId) : sql`true`,
      ),
    )
    .for("update");
  return l ?? null;
}

/** Structure: withdraw or complete; admin: ask for a document. */
export async function suivreRupture(
  db: Db,
  params: {
    ruptureId: string;
    structureId: string | null;
    evenement: "marquer_incomplete" | "completer" | "retirer";
    commentaire?: string;
    documents?: string[];
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<StatutRupture>> {
  return db.transaction(async (tx) => {
    const l = await ruptureAvecContrat(tx, params.ruptureId, params.structureId);
    if (!l) return RUPTURE_INTROUVABLE;
    const t = transitionRupture(l.r.statut as StatutRupture, params.evenement);
    if (!t.ok) return enConflit(t);
    const colonnes = {
      statut: t.valeur,
      modifieLe: params.maintenant,
      ...(params.commentaire ? { commentaire: params.commentaire } : {}),
      ...(params.documents ? { documents: params.documents } : {}),
    };
    await tx.update(rupture).set(colonnes).where(eq(rupture.id, l.r.id));
    await journaliser(tx, params.acteur, {
      action: `rupture.${t.valeur}`,
      cibleType: "rupture",
      cibleId: l.r.id,
      avant: { statut: l.r.statut },
      apres: { statut: t.valeur, commentaire: params.commentaire, documents: params.documents },
    });
    return t;
  });
}

/** The admin validates a rupture: the contract ends and the person goes back to the pool. */
export async function validerRupture(
  db: Db,
  messagerie: Messagerie,
  params: { ruptureId: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ courriels: string[] }>> {
  return db.transaction(async (tx) => {
    const l = await ruptureAvecContrat(tx, params.ruptureId, null);
    if (!l) return RUPTURE_INTROUVABLE;
    const t = transitionRupture(l.r.statut as StatutRupture, "valider");
    if (!t.ok) return enConflit(t);
    if (l.r.dateRupture > jourParis(params.maintenant))
      return conflit("dateRupture", "La rupture ne peut être validée qu'à partir de sa date.");
    const [renouvellement] = await tx
      .select({ id: contrat.id })
      .from(contrat)
      .where(and(eq(contrat.renouvelleContratId, l.c.id), eq(contrat.statut, "declare")));
    if (renouvellement)
      return conflit(
        "contratId",
        "Un renouvellement de ce contrat est en cours : refusez-le ou annulez-le d'abord.",
      );
    await tx
      .update(rupture)
      .set({ statut: t.valeur, modifieLe: params.maintenant })
      .where(eq(rupture.id, l.r.id));
    await journaliser(tx, params.acteur, {
      action: "rupture.validee",
      cibleType: "rupture",
      cibleId: l.r.id,
      avant: { statut: l.r.statut },
      apres: { statut: t.valeur },
    });
    const fin = await terminerContrat(tx, l.c, {
      motif: "rupture",
      date: l.r.dateRupture,
      acteur: params.acteur,
      maintenant: params.maintenant,
    });
    if (!fin.ok) return fin;
    const [s] = await tx.select().from(structure).where(eq(structure.id, l.c.structureId));
    const courriels = s?.contactEmail
      ? [
          await messagerie.mettreEnFile(tx, {
            destinataire: s.contactEmail,
            modele: "rupture_validee",
            objet: "Rupture de contrat validée – Conseillers numériques",
            texte: [
              "Bonjour,",
              "",
              `La rupture du contrat au ${jourFr(l.r.dateRupture)} est validée par l'ANCT.`,
              "Le poste est de nouveau vacant : vous pouvez recruter dans le mois qui vient.",
            ].join("\n"),
          }),
        ]
      : [];
    return reussite({ courriels });
  });
}

export async function demanderProlongation(
  db: Db,
  params: {
    structureId: string;
    contratId: string;
    nouvelleDateFin: string;
    salaireBrutMensuelCents: number | null;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ id: string }>> {
  return db.transaction(async (tx) => {
    const c = await contratDeStructure(tx, params.contratId, params.structureId);
    if (!c) return introuvable(HORS_DE_PORTEE);
    if (c.statut !== "actif" || !c.dateFin)
      return conflit("contratId", "Seul un contrat actif à durée déterminée peut être prolongé.");
    if (params.nouvelleDateFin <= c.dateFin)
      return conflit(
        "nouvelleDateFin",
        "La nouvelle date de fin doit suivre la fin actuelle du contrat.",
      );
    const [enCours] = await tx
      .select({ id: demandeProlongation.id })
      .from(demandeProlongation)
      .where(
        and(eq(demandeProlongation.contratId, c.id), eq(demandeProlongation.statut, "deposee")),
      );
    if (enCours) return conflit("contratId", "Une demande de prolongation est déjà en cours.");
    const [d] = await tx
      .insert(demandeProlongation)
      .values({
        contratId: c.id,
        nouvelleDateFin: params.nouvelleDateFin,
        salaireBrutMensuelCents: params.salaireBrutMensuelCents,
        statut: "deposee",
      })
      .returning({ id: demandeProlongation.id });
    await journaliser(tx, params.acteur, {
      action: "prolongation.deposee",
      cibleType: "demande_prolongation",
      cibleId: d!.id,
      apres: { contratId: c.id, nouvelleDateFin: params.nouvelleDateFin },
    });
    return reussite({ id: d!.id });
  });
}

/** The admin decides; acceptance moves the contract's end, the journal keeps the old values. */
export async function deciderProlongation(
  db: Db,
  params: { id: string; accepter: boolean; acteur: Acteur; maintenant: Date },
): Promise<Resultat<StatutProlongation>> {
  return db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(demandeProlongation)
      .where(eq(demandeProlongation.id, params.id))
      .for("update");
    if (!d) return introuvable(HORS_DE_PORTEE);
    const t = transitionProlongation(
      d.statut as StatutProlongation,
      params.accepter ? "accepter" : "refuser",
    );
    if (!t.ok) return enConflit(t);
    const c = await contratDeStructure(tx, d.contratId, null);
    if (params.accepter) {
      if (c?.statut !== "actif")
        return conflit(
          "contratId",
          "Le contrat n'est plus actif : la prolongation est sans objet.",
        );
      const colonnes = {
        dateFin: d.nouvelleDateFin,
        ...(d.salaireBrutMensuelCents
          ? { salaireBrutMensuelCents: d.salaireBrutMensuelCents }
          : {}),
      };
      await tx
        .update(contrat)
        .set({ ...colonnes, modifieLe: params.maintenant })
        .where(eq(contrat.id, c.id));
      await journaliser(tx, params.acteur, {
        action: "contrat.prolonge",
        cibleType: "contrat",
        cibleId: c.id,
        avant: { dateFin: c.dateFin, salaireBrutMensuelCents: c.salaireBrutMensuelCents },
        apres: colonnes,
      });
    }
    await tx
      .update(demandeProlongation)
      .set({ statut: t.valeur })
      .where(eq(demandeProlongation.id, d.id));
    await journaliser(tx, params.acteur, {
      action: `prolongation.${t.valeur}`,
      cibleType: "demande_prolongation",
      cibleId: d.id,
      avant: { statut: d.statut },
      apres: { statut: t.valeur },
    });
    return t;
  });
}

/**
 * Daily: active contracts whose end date has passed end at their term (docs/domaine/recrutement.md §8). Each contract is
 * its own transaction, taken with `skip locked`: several instances share the work.
 */
export async function terminerContratsEchus(
  db: Db,
  params: { acteur: Acteur; maintenant: Date },
): Promise<number> {
  const aujourdhui = jourParis(params.maintenant);
  let termines = 0;
  for (;;) {
    const fait = await db.transaction(async (tx) => {
      const [c] = await tx
        .select()
        .from(contrat)
        .where(
          and(
            eq(contrat.statut, "actif"),
            lt(contrat.dateFin, aujourdhui),
            // A renewal awaiting the admin decides the contract's fate, not its end date.
            sql`not exists (select 1 from contrat n where n.renouvelle_contrat_id = ${contrat.id} and n.statut = 'declare')`,
          ),
        )
        .limit(1)
        .for("update", { skipLocked: true });
      if (!c?.dateFin) return false;
      const r = await terminerContrat(tx, c, {
        motif: "echeance",
        date: c.dateFin,
        acteur: params.acteur,
        maintenant: params.maintenant,
      });
      return r.ok;
    });
    if (!fait) return termines;
    termines++;
  }
}
