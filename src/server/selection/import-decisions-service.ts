import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Erreur } from "../../domain/erreurs.ts";
import { quantite } from "../../domain/format.ts";
import { couvreTerritoire } from "../../domain/perimetre.ts";
import {
  estPosteCoordinateur,
  type StatutDemande,
  transitionDemande,
} from "../../domain/selection/demande-postes.ts";
import {
  LIGNES_IMPORT_MAX,
  type LigneDecision,
  lireLigneDecision,
} from "../../domain/selection/import-decisions.ts";
import { ISSUES_DECISION } from "../../domain/selection/instruction.ts";
import {
  dateLimiteRecrutement,
  type RegleSubvention,
  regleApplicable,
} from "../../domain/selection/subvention.ts";
import { DUREE_INVITATION_MS } from "../../domain/temps.ts";
import type { Db, Executeur } from "../db/client.ts";
import { insererEnLot } from "../db/lot.ts";
import {
  decisionComite,
  demandePostes,
  habilitation,
  jeton,
  journal,
  poste,
  regleSubvention,
  session,
  sessionComite,
  structure,
  utilisateur,
} from "../db/schema.ts";
import type { LigneBrute } from "../http/fichier-tableur.ts";
import type { Acteur } from "../infra/journal.ts";
import type { Courriel, Messagerie } from "../infra/messagerie.ts";
import { empreinte, jetonAleatoire } from "../infra/secrets.ts";
import { prefetsActifs } from "./prefets.ts";

type Structure = typeof structure.$inferSelect;
type Demande = typeof demandePostes.$inferSelect;
type Session = typeof sessionComite.$inferSelect;

type LignePrete = LigneDecision & {
  structure: Structure;
  demande: Demande;
  session: Session;
  statut: StatutDemande;
  regle?: RegleSubvention;
};

export type RapportImport = {
  lignes: number;
  valides: number;
  postes: number;
  rejetees: { ligne: number; erreurs: Erreur[] }[];
  applique: boolean;
};

const LOT = 1_000;
const EN_INSTRUCTION: StatutDemande[] = ["deposee", "complement_demande"];

async function parLots<T>(liste: T[], faire: (lot: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < liste.length; i += LOT) await faire(liste.slice(i, i + LOT));
}

/**
 * Checks every row against the database with a handful of set queries (not a query per row),
 * so that a 5,000-row file is validated in well under a second.
 */
async function preparer(tx: Executeur, brutes: LigneBrute[]) {
  const rejetees: RapportImport["rejetees"] = [];
  const lues: LigneDecision[] = [];
  brutes.forEach((b, i) => {
    const r = lireLigneDecision(b, i + 2);
    if (r.ok) lues.push(r.valeur);
    else rejetees.push({ ligne: i + 2, erreurs: r.erreurs });
  });
  const sirets = lues.flatMap((l) => ("siret" in l.identifiant ? [l.identifiant.siret] : []));
  const ids = lues.flatMap((l) =>
    "structureId" in l.identifiant ? [l.identifiant.structureId] : [],
  );
  const structures: Structure[] = [];
  for (let i = 0; i < Math.max(sirets.length, ids.length); i += LOT) {
    const s = sirets.slice(i, i + LOT);
    const d = ids.slice(i, i + LOT);
    structures.push(
      ...(await tx
        .select()
        .from(structure)
        .where(
          or(
            s.length ? inArray(structure.siret, s) : sql`false`,
            d.length ? inArray(structure.id, d) : sql`false`,
          ),
        )),
    );
  }
  const parSiret = new Map(structures.map((s) => [s.siret, s]));
  const parId = new Map(structures.map((s) => [s.id, s]));
  const demandes = new Map<string, Demande>();
  await parLots([...parId.keys()], async (lot) => {
    const lignes = await tx
      .select()
      .from(demandePostes)
      .where(
        and(inArray(demandePostes.structureId, lot), inArray(demandePostes.statut, EN_INSTRUCTION)),
      )
      .orderBy(desc(demandePostes.creeLe));
    for (const d of lignes) if (!demandes.has(d.structureId)) demandes.set(d.structureId, d);
  });
  const numeros = [...new Set(lues.map((l) => l.numeroSession))];
  const sessions = new Map(
    (numeros.length
      ? await tx.select().from(sessionComite).where(inArray(sessionComite.numero, numeros))
      : []
    ).map((s) => [s.numero, s]),
  );
  const regles = await tx.select().from(regleSubvention);

  const pretes: LignePrete[] = [];
  const vues = new Map<string, number>();
  for (const l of lues) {
    const s =
      "siret" in l.identifiant
        ? parSiret.get(l.identifiant.siret)
        : parId.get(l.identifiant.structureId);
    const erreurs: Erreur[] = [];
    const demande = s ? demandes.get(s.id) : undefined;
    const sessionComite = sessions.get(l.numeroSession);
    if (!s) erreurs.push({ champ: "siret", message: "Aucune structure ne porte cet identifiant." });
    else if (!demande)
      erreurs.push({
        champ: "siret",
        message: "Cette structure n'a aucune demande en instruction.",
      });
    if (!sessionComite)
      erreurs.push({
        champ: "coselec",
        message: `La session COSELEC ${l.numeroSession} n'existe pas.`,
      });
    if (demande?.nature === "retrait") {
      erreurs.push({
        champ: "decision",
        message: "Un retrait de postes se valide dans la fiche de la demande, pas par import.",
      });
    }
    if (demande && vues.has(demande.id)) {
      erreurs.push({
        champ: "siret",
        message: `La demande de cette structure figure déjà ligne ${vues.get(demande.id)}.`,
      });
    }
    let statut: StatutDemande | undefined;
    if (demande) {
      const t = transitionDemande(
        demande.statut as StatutDemande,
        l.issue === "acceptee"
          ? { type: "accepter", postesAccordes: l.postesAccordes }
          : l.issue === "refusee"
            ? { type: "refuser" }
            : { type: "demander_complement" },
      );
      if (t.ok) statut = t.valeur;
      else erreurs.push(...t.erreurs);
    }
    const regle =
      s && sessionComite && l.issue === "acceptee"
        ? regleApplicable(regles, {
            secteur: s.secteur,
            departementCode: s.departementCode,
            dateAttribution: sessionComite.date,
          })
        : undefined;
    if (s && sessionComite && l.issue === "acceptee" && !regle) {
      erreurs.push({
        champ: "coselec",
        message: "Aucune règle de subvention ne s'applique à cette date pour ce secteur.",
      });
    }
    if (erreurs.length || !s || !demande || !sessionComite || !statut) {
      rejetees.push({ ligne: l.ligne, erreurs });
      continue;
    }
    vues.set(demande.id, l.ligne);
    pretes.push({
      ...l,
      structure: s,
      demande,
      session: sessionComite,
      statut,
      ...(regle ? { regle } : {}),
    });
  }
  rejetees.sort((a, b) => a.ligne - b.ligne);
  return { pretes, rejetees };
}

/**
 * Imports committee decisions: every row is validated and reported; with `appliquer`, and only
 * when no row is rejected, all decisions, posts, invitations, mails and journal lines are
 * written in one transaction. Returns the report and the mails to deliver after commit.
 */
export async function importerDecisions(
  db: Db,
  messagerie: Messagerie,
  params: {
    brutes: LigneBrute[];
    appliquer: boolean;
    acteur: Acteur;
    maintenant: Date;
    urlPublique: string;
  },
): Promise<{ rapport: RapportImport; courriels: string[] }> {
  if (params.brutes.length > LIGNES_IMPORT_MAX) {
    return {
      rapport: {
        lignes: params.brutes.length,
        valides: 0,
        postes: 0,
        rejetees: [
          {
            ligne: 1,
            erreurs: [
              {
                champ: "",
                message: `Le fichier dépasse ${LIGNES_IMPORT_MAX} lignes : découpez-le.`,
              },
            ],
          },
        ],
        applique: false,
      },
      courriels: [],
    };
  }
  return db.transaction(async (tx) => {
    const { pretes, rejetees } = await preparer(tx, params.brutes);
    const rapport: RapportImport = {
      lignes: params.brutes.length,
      valides: pretes.length,
      postes: pretes.reduce((n, l) => n + l.postesAccordes, 0),
      rejetees,
      applique: false,
    };
    if (!params.appliquer || rejetees.length > 0 || pretes.length === 0)
      return { rapport, courriels: [] };

    const a = params.acteur;
    const auteur = {
      utilisateurId: a.utilisateurId,
      habilitationId: a.habilitationId,
      role: a.role,
      auteur: a.auteur,
      requeteId: a.requeteId,
      origine: "import" as const,
    };
    // Ids made here, so that posts point at their decision without reading them back.
    const decisions = new Map(pretes.map((l) => [l.demande.id, randomUUID()]));
    await insererEnLot(
      tx,
      decisionComite,
      pretes.map((l) => ({
        id: decisions.get(l.demande.id)!,
        demandeId: l.demande.id,
        sessionComiteId: l.session.id,
        issue: l.issue,
        postesAccordes: l.postesAccordes,
        auteurId: a.utilisateurId,
      })),
    );
    await tx.execute(sql`update ${demandePostes} as d set statut = v.statut,
        session_comite_id = v.session, modifie_le = ${params.maintenant}
      from jsonb_to_recordset(${JSON.stringify(
        pretes.map((l) => ({ id: l.demande.id, statut: l.statut, session: l.session.id })),
      )}::jsonb) as v(id uuid, statut text, session uuid)
      where d.id = v.id`);
    await insererEnLot(
      tx,
      journal,
      pretes.map((l) => ({
        ...auteur,
        action: `demande.${l.statut}`,
        cibleType: "demande_postes",
        cibleId: l.demande.id,
        avant: { statut: l.demande.statut },
        apres: {
          statut: l.statut,
          issue: l.issue,
          postesAccordes: l.postesAccordes,
          coselec: l.numeroSession,
        },
      })),
    );
    const acceptees = pretes.filter((l) => l.issue === "acceptee" && l.regle);
    const postes = acceptees.flatMap((l) =>
      Array.from({ length: l.postesAccordes }, (_, rang) => ({
        structureId: l.structure.id,
        decisionId: decisions.get(l.demande.id)!,
        coordinateur: estPosteCoordinateur(l.demande, rang),
        secteur: l.structure.secteur,
        regleSubventionId: l.regle!.id,
        plafondCents: l.regle!.montantCents,
        dureeMois: l.regle!.dureeMois,
        dateAttribution: l.session.date,
        dateLimiteRecrutement: dateLimiteRecrutement(l.session.date),
      })),
    );
    await insererEnLot(tx, poste, postes);
    await insererEnLot(
      tx,
      journal,
      acceptees.map((l) => ({
        ...auteur,
        action: "structure.postes_attribues",
        cibleType: "structure",
        cibleId: l.structure.id,
        avant: null,
        apres: {
          postes: l.postesAccordes,
          plafondCents: l.regle!.montantCents,
          coselec: l.numeroSession,
        },
      })),
    );

    const mails: Courriel[] = [
      ...(await invitations(tx, acceptees, auteur, params)),
      ...(await avisDeDecision(tx, pretes, params.urlPublique)),
    ];
    const courriels = await messagerie.mettreEnFileEnLot(tx, mails);
    return { rapport: { ...rapport, applique: true }, courriels };
  });
}

/** Invites, in bulk, each accepted structure's contact who is not yet one of its gestionnaires. */
async function invitations(
  tx: Executeur,
  acceptees: LignePrete[],
  auteur: Omit<typeof journal.$inferInsert, "action" | "cibleType" | "cibleId">,
  params: { maintenant: Date; urlPublique: string },
): Promise<Courriel[]> {
  const contacts = new Map<string, Structure>();
  for (const l of acceptees)
    if (l.structure.contactEmail && !contacts.has(l.structure.id))
      contacts.set(l.structure.id, l.structure);
  const emails = [...new Set([...contacts.values()].map((s) => s.contactEmail!))];
  const comptes = new Map<string, string>();
  await parLots(emails, async (lot) => {
    for (const u of await tx
      .select({ id: utilisateur.id, email: utilisateur.email })
      .from(utilisateur)
      .where(inArray(utilisateur.email, lot)))
      comptes.set(u.email, u.id);
  });
  const nouveaux = [...contacts.values()].filter(
    (s, i, t) =>
      !comptes.has(s.contactEmail!) && t.findIndex((x) => x.contactEmail === s.contactEmail) === i,
  );
  await parLots(nouveaux, async (lot) => {
    const crees = await tx
      .insert(utilisateur)
      .values(
        lot.map((s) => ({
          email: s.contactEmail!,
          prenom: s.contactPrenom ?? "",
          nom: s.contactNom ?? "",
        })),
      )
      .returning({ id: utilisateur.id, email: utilisateur.email });
    for (const u of crees) comptes.set(u.email, u.id);
  });
  const existantes = new Set<string>();
  await parLots([...contacts.keys()], async (lot) => {
    const h = await tx
      .select({ u: habilitation.utilisateurId, s: habilitation.structureId })
      .from(habilitation)
      .where(and(eq(habilitation.role, "structure"), inArray(habilitation.structureId, lot)));
    for (const x of h) existantes.add(`${x.u}/${x.s}`);
  });
  const aInviter = [...contacts.values()].filter(
    (s) => !existantes.has(`${comptes.get(s.contactEmail!)}/${s.id}`),
  );
  const mails: Courriel[] = [];
  await parLots(aInviter, async (lot) => {
    await tx.insert(habilitation).values(
      lot.map((s) => ({
        utilisateurId: comptes.get(s.contactEmail!)!,
        role: "structure",
        perimetre: { type: "structure" as const, structureId: s.id },
        structureId: s.id,
      })),
    );
    const jetons = lot.map((s) => ({ s, valeur: jetonAleatoire() }));
    await tx.insert(jeton).values(
      jetons.map(({ s, valeur }) => ({
        hash: empreinte(valeur),
        nature: "invitation",
        utilisateurId: comptes.get(s.contactEmail!)!,
        email: s.contactEmail!,
        creeLe: params.maintenant,
        expireLe: new Date(params.maintenant.getTime() + DUREE_INVITATION_MS),
      })),
    );
    await tx.delete(session).where(
      inArray(
        session.utilisateurId,
        lot.map((s) => comptes.get(s.contactEmail!)!),
      ),
    );
    await tx.insert(journal).values(
      lot.map((s) => ({
        ...auteur,
        action: "habilitation.ajoutee",
        cibleType: "utilisateur",
        cibleId: comptes.get(s.contactEmail!)!,
        apres: { role: "structure", structureId: s.id },
      })),
    );
    for (const { s, valeur } of jetons) {
      mails.push({
        destinataire: s.contactEmail!,
        modele: "invitation",
        objet: "Invitation à la plateforme Conseillers numériques France Services",
        texte: [
          `Bonjour ${s.contactPrenom ?? ""},`,
          "",
          `Des postes de conseiller numérique ont été accordés à « ${s.nom} ». Pour gérer vos postes, activez votre accès (lien valable 28 jours, une seule fois) :`,
          `${params.urlPublique}/invitation?jeton=${valeur}`,
        ].join("\n"),
      });
    }
  });
  return mails;
}

/** One mail per decision to the structure's contact, and one digest per préfet of the territories. */
async function avisDeDecision(
  tx: Executeur,
  pretes: LignePrete[],
  urlPublique: string,
): Promise<Courriel[]> {
  const mails: Courriel[] = [];
  for (const l of pretes) {
    if (!l.structure.contactEmail) continue;
    mails.push({
      destinataire: l.structure.contactEmail,
      modele: "decision_comite",
      objet: `Décision du COSELEC ${l.numeroSession} – ${l.structure.nom}`,
      texte: `Le comité national de sélection (COSELEC ${l.numeroSession}) a examiné votre demande. Décision : ${ISSUES_DECISION[l.issue]}${l.issue === "acceptee" ? `, ${quantite(l.postesAccordes ?? 0, "poste accordé", "postes accordés")}` : ""}.\n\nLe détail est sur la plateforme : ${urlPublique}/espace`,
    });
  }
  for (const p of await prefetsActifs(tx)) {
    const concernees = pretes.filter((l) => couvreTerritoire(p.perimetre, l.structure));
    if (concernees.length === 0) continue;
    mails.push({
      destinataire: p.email,
      modele: "decisions_comite_territoire",
      objet: `Décisions du comité national de sélection pour votre territoire (${concernees.length})`,
      texte: [
        "Le comité national de sélection a rendu ces décisions pour des structures de votre territoire :",
        ...concernees.map(
          (l) =>
            `- ${l.structure.nom} : ${ISSUES_DECISION[l.issue]}${l.issue === "acceptee" ? `, ${quantite(l.postesAccordes ?? 0, "poste", "postes")}` : ""} (COSELEC ${l.numeroSession})`,
        ),
        "",
        `Le détail est sur la plateforme : ${urlPublique}/espace`,
      ].join("\n"),
    });
  }
  return mails;
}
