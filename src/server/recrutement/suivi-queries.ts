import { and, asc, count, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { alertesFormation } from "../../domain/recrutement/formation.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import {
  candidature,
  contrat,
  demandeProlongation,
  formation,
  miseEnRelation,
  organismeFormation,
  poste,
  rupture,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { historiqueDesCibles } from "../journal/index.ts";
import { conditionFilePostes } from "../selection/index.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";
import { motifRecherche } from "../utilisateurs/index.ts";

/** Contracts are scoped by their structure, and for a conseiller or coordinator by the person. */
const colonnesPerimetreContrat = {
  ...colonnesPerimetreStructure,
  utilisateurId: contrat.utilisateurId,
};

export const VUES_CONTRATS = [
  "a_traiter",
  "a_valider",
  "non_signes",
  "en_cours",
  "termines",
  "ruptures",
  "a_signer",
  "fin_proche",
  "tous",
] as const;
export type VueContrats = (typeof VUES_CONTRATS)[number];

function conditionVue(vue: VueContrats, aujourdhui: string): SQL | undefined {
  switch (vue) {
    case "a_traiter":
      // What waits for the admin: a declaration, a rupture or an extension request.
      return or(
        eq(contrat.statut, "declare"),
        sql`exists (select 1 from rupture r where r.contrat_id = ${contrat.id} and r.statut = 'declaree')`,
        sql`exists (select 1 from demande_prolongation d where d.contrat_id = ${contrat.id} and d.statut = 'deposee')`,
      );
    case "a_valider":
      return eq(contrat.statut, "declare");
    case "non_signes":
      return and(
        eq(contrat.statut, "declare"),
        isNull(contrat.dateSignature),
        lt(contrat.dateLimiteSignature, aujourdhui),
      );
    case "en_cours":
      return inArray(contrat.statut, ["declare", "actif"]);
    case "termines":
      return inArray(contrat.statut, ["termine", "annule", "refuse"]);
    case "a_signer":
      return and(eq(contrat.statut, "declare"), isNull(contrat.dateSignature));
    case "fin_proche":
      // A contract ending within three months: time to renew or to prepare the end.
      return and(
        eq(contrat.statut, "actif"),
        sql`${contrat.dateFin} between ${aujourdhui}::date and ${aujourdhui}::date + 92`,
      );
    case "ruptures":
      return sql`exists (select 1 from rupture r where r.contrat_id = ${contrat.id} and r.statut = 'declaree')`;
    case "tous":
      return undefined;
  }
}

/**
 * The orders of the contracts' list: oldest declaration first (what waits longest, the default),
 * nearest end first (renewals), by structure, by the person's name.
 */
export const TRIS_CONTRATS = ["declaration", "fin", "structure", "nom"] as const;
export type TriContrats = (typeof TRIS_CONTRATS)[number];

const ORDRES_CONTRATS: Record<TriContrats, SQL[]> = {
  declaration: [asc(contrat.dateDeclaration)],
  fin: [asc(contrat.dateFin)],
  structure: [asc(structure.nom), asc(contrat.dateDeclaration)],
  nom: [asc(utilisateur.nom), asc(utilisateur.prenom)],
};

export type FiltresContrats = {
  vue: VueContrats;
  aujourdhui: string;
  recherche?: string | undefined;
};

/** The contracts of a view in the reader's scope, searched by the person's or structure's name. */
function conditionsContrats(connexion: SessionChargee, f: FiltresContrats) {
  const motif = f.recherche ? motifRecherche(f.recherche) : null;
  return and(
    predicatPerimetre(connexion, colonnesPerimetreContrat),
    conditionVue(f.vue, f.aujourdhui),
    motif
      ? or(
          ilike(structure.nom, motif),
          sql`(${utilisateur.prenom} || ' ' || ${utilisateur.nom}) ilike ${motif}`,
          sql`(${utilisateur.nom} || ' ' || ${utilisateur.prenom}) ilike ${motif}`,
        )
      : undefined,
  );
}

/**
 * Contracts in the reader's scope, with the person, the structure, their open requests and
 * training: a page of `limite` (500 by default), or all of them when `limite` is null (exports).
 */
export async function listerContrats(
  tx: Executeur,
  connexion: SessionChargee,
  params: FiltresContrats & { tri?: TriContrats; limite?: number | null; page?: number },
) {
  const limite = params.limite === undefined ? 500 : params.limite;
  const requete = tx
    .select({
      id: contrat.id,
      statut: contrat.statut,
      type: contrat.type,
      dateDebut: contrat.dateDebut,
      dateFin: contrat.dateFin,
      salaireBrutMensuelCents: contrat.salaireBrutMensuelCents,
      heuresHebdo: contrat.heuresHebdo,
      coordinateur: contrat.coordinateur,
      dateDeclaration: contrat.dateDeclaration,
      dateLimiteSignature: contrat.dateLimiteSignature,
      dateSignature: contrat.dateSignature,
      motifFin: contrat.motifFin,
      dateFinEffective: contrat.dateFinEffective,
      motifRefus: contrat.motifRefus,
      renouvelleContratId: contrat.renouvelleContratId,
      posteId: contrat.posteId,
      utilisateurId: contrat.utilisateurId,
      candidatureId: contrat.candidatureId,
      prenom: utilisateur.prenom,
      nom: utilisateur.nom,
      email: utilisateur.email,
      structureId: structure.id,
      structure: structure.nom,
      departementCode: structure.departementCode,
      rupture: {
        id: rupture.id,
        statut: rupture.statut,
        dateRupture: rupture.dateRupture,
        motif: rupture.motif,
        documents: rupture.documents,
        commentaire: rupture.commentaire,
      },
      prolongation: {
        id: demandeProlongation.id,
        nouvelleDateFin: demandeProlongation.nouvelleDateFin,
        salaireBrutMensuelCents: demandeProlongation.salaireBrutMensuelCents,
      },
      formation: {
        id: formation.id,
        statut: formation.statut,
        organisme: organismeFormation.nom,
        parcoursHeures: formation.parcoursHeures,
        dateDebutPrevue: formation.dateDebutPrevue,
        dateDebutReelle: formation.dateDebutReelle,
        dateFinReelle: formation.dateFinReelle,
        heuresRealisees: formation.heuresRealisees,
      },
    })
    .from(contrat)
    .innerJoin(utilisateur, eq(utilisateur.id, contrat.utilisateurId))
    .innerJoin(structure, eq(structure.id, contrat.structureId))
    .leftJoin(
      rupture,
      and(eq(rupture.contratId, contrat.id), inArray(rupture.statut, ["declaree", "incomplete"])),
    )
    .leftJoin(
      demandeProlongation,
      and(eq(demandeProlongation.contratId, contrat.id), eq(demandeProlongation.statut, "deposee")),
    )
    .leftJoin(formation, eq(formation.utilisateurId, contrat.utilisateurId))
    .leftJoin(organismeFormation, eq(organismeFormation.id, formation.organismeFormationId))
    .where(conditionsContrats(connexion, params))
    .orderBy(...ORDRES_CONTRATS[params.tri ?? "declaration"], asc(contrat.id))
    .$dynamic();
  const lignes = await (limite === null
    ? requete
    : requete.limit(limite).offset(((params.page ?? 1) - 1) * limite));
  return lignes.map(({ formation: f, ...l }) => ({
    ...l,
    rupture: l.rupture?.id ? l.rupture : null,
    prolongation: l.prolongation?.id ? l.prolongation : null,
    // A training row, when the left join found one, has all its required columns.
    formation:
      f.id && f.statut
        ? {
            ...f,
            id: f.id,
            statut: f.statut,
            heuresRealisees: f.heuresRealisees ?? 0,
            alertes: alertesFormation(
              {
                statut: f.statut,
                dateDebutPrevue: f.dateDebutPrevue,
                dateDebutReelle: f.dateDebutReelle,
              },
              l.dateSignature,
              params.aujourdhui,
            ),
          }
        : null,
    signatureEnRetard:
      l.statut === "declare" && !l.dateSignature && l.dateLimiteSignature < params.aujourdhui,
  }));
}

/** How many contracts of the reader's scope a view holds (the exact total of its pages). */
export async function compterContrats(
  tx: Executeur,
  connexion: SessionChargee,
  params: FiltresContrats,
): Promise<number> {
  const [n] = await tx
    .select({ n: count() })
    .from(contrat)
    .innerJoin(structure, eq(structure.id, contrat.structureId))
    .innerJoin(utilisateur, eq(utilisateur.id, contrat.utilisateurId))
    .where(conditionsContrats(connexion, params));
  return n?.n ?? 0;
}

/** What a post shows in the lists and on its history page. */
const colonnesPoste = {
  id: poste.id,
  statut: poste.statut,
  coordinateur: poste.coordinateur,
  dateAttribution: poste.dateAttribution,
  dateLimiteRecrutement: poste.dateLimiteRecrutement,
  structure: structure.nom,
};

/** Posts of the scope: vacant ones with their deadline, overdue derived (never stored). */
export async function listerPostes(
  tx: Executeur,
  connexion: SessionChargee,
  params: { aujourdhui: string; enRetardSeulement: boolean },
) {
  const lignes = await tx
    .select({
      ...colonnesPoste,
      structureId: structure.id,
      departementCode: structure.departementCode,
    })
    .from(poste)
    .innerJoin(structure, eq(structure.id, poste.structureId))
    .where(
      and(
        predicatPerimetre(connexion, colonnesPerimetreStructure),
        params.enRetardSeulement
          ? conditionFilePostes("en_retard", params.aujourdhui)
          : sql`${poste.statut} <> 'rendu'`,
      ),
    )
    .orderBy(asc(poste.dateLimiteRecrutement), asc(poste.id))
    .limit(1000);
  return lignes.map((p) => ({
    ...p,
    enRetard: p.statut === "vacant" && p.dateLimiteRecrutement < params.aujourdhui,
  }));
}

/** Who did what when about one person: application, pairings, contracts, ruptures, training. */
export async function historiquePersonne(
  tx: Executeur,
  utilisateurId: string,
  candidatureId: string | null,
) {
  const contrats = await tx
    .select({ id: contrat.id })
    .from(contrat)
    .where(eq(contrat.utilisateurId, utilisateurId));
  const contratIds = contrats.map((c) => c.id);
  const ruptures = contratIds.length
    ? await tx
        .select({ id: rupture.id })
        .from(rupture)
        .where(inArray(rupture.contratId, contratIds))
    : [];
  const relations = candidatureId
    ? await tx
        .select({ id: miseEnRelation.id })
        .from(miseEnRelation)
        .where(eq(miseEnRelation.candidatureId, candidatureId))
    : [];
  const formations = await tx
    .select({ id: formation.id })
    .from(formation)
    .where(eq(formation.utilisateurId, utilisateurId));
  return historiqueDesCibles(tx, 300, [
    { type: "utilisateur", ids: [utilisateurId] },
    { type: "candidature", ids: candidatureId ? [candidatureId] : [] },
    { type: "contrat", ids: contratIds },
    { type: "rupture", ids: ruptures.map((r) => r.id) },
    { type: "mise_en_relation", ids: relations.map((r) => r.id) },
    { type: "formation", ids: formations.map((f) => f.id) },
  ]);
}

/** Who did what when about one post: attribution, recruitments, vacancies. */
export async function historiquePoste(tx: Executeur, posteId: string) {
  const contrats = await tx
    .select({ id: contrat.id })
    .from(contrat)
    .where(eq(contrat.posteId, posteId));
  const contratIds = contrats.map((c) => c.id);
  const ruptures = contratIds.length
    ? await tx
        .select({ id: rupture.id })
        .from(rupture)
        .where(inArray(rupture.contratId, contratIds))
    : [];
  return historiqueDesCibles(tx, 300, [
    { type: "poste", ids: [posteId] },
    { type: "contrat", ids: contratIds },
    { type: "rupture", ids: ruptures.map((r) => r.id) },
  ]);
}

/** A person of the scope (through a contract) and their history; another's is « introuvable ». */
export async function historiqueDePersonne(
  db: Executeur,
  connexion: SessionChargee,
  id: string,
): Promise<
  Resultat<{
    personne: { id: string; prenom: string; nom: string };
    historique: Awaited<ReturnType<typeof historiquePersonne>>;
  }>
> {
  const [u] = await db
    .select({ id: utilisateur.id, prenom: utilisateur.prenom, nom: utilisateur.nom })
    .from(utilisateur)
    .innerJoin(contrat, eq(contrat.utilisateurId, utilisateur.id))
    .innerJoin(structure, eq(structure.id, contrat.structureId))
    .where(and(eq(utilisateur.id, id), predicatPerimetre(connexion, colonnesPerimetreStructure)))
    .limit(1);
  if (!u) return introuvable("Cette personne n'existe pas ou n'est pas de votre périmètre.");
  const [c] = await db
    .select({ id: candidature.id })
    .from(candidature)
    .where(eq(candidature.utilisateurId, u.id));
  return reussite({ personne: u, historique: await historiquePersonne(db, u.id, c?.id ?? null) });
}

/** A post of the scope and its history; another's is « introuvable ». */
export async function historiqueDePoste(db: Executeur, connexion: SessionChargee, id: string) {
  const [p] = await db
    .select(colonnesPoste)
    .from(poste)
    .innerJoin(structure, eq(structure.id, poste.structureId))
    .where(and(eq(poste.id, id), predicatPerimetre(connexion, colonnesPerimetreStructure)));
  if (!p) return introuvable("Ce poste n'existe pas ou n'est pas de votre périmètre.");
  return reussite({ poste: p, historique: await historiquePoste(db, p.id) });
}
