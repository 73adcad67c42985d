import { eq, sql } from "drizzle-orm";
import { comptesDesPersonnes } from "../../domain/beneficiaires/beneficiaire.ts";
import { compteursDe, difference } from "../../domain/cra/compteurs.ts";
import { type Cra, refusDateFuture } from "../../domain/cra/cra.ts";
import {
  conflit,
  echec,
  interdit,
  introuvable,
  type Resultat,
  reussite,
} from "../../domain/erreurs.ts";
import { quantite } from "../../domain/format.ts";
import { jourParis } from "../../domain/temps.ts";
import { COMMUNE_INCONNUE } from "../../domain/territoire.ts";
import {
  lecteurDuJour,
  lierPersonnes,
  personnesDuCra,
  personnesIllisiblesDuCra,
  personnesNommees,
} from "../beneficiaires/index.ts";
import { type Db, type Executeur, requetePreparee } from "../db/client.ts";
import { cra } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { marquerVue, orientationAVoir } from "../orientations/index.ts";
import { employeurSql, lieuxDuConseillerLe } from "../structures/index.ts";
import { appliquerCompteurs, cteRollups, vecteurCompteurs } from "./rollups.ts";

export const CRA_D_UN_AUTRE = "Vous n'avez pas l'autorisation de modifier ce compte rendu.";
export const CRA_INTROUVABLE = "Ce compte rendu n'existe pas.";
export const LIEU_D_UN_AUTRE = "Ce lieu ne fait pas partie de vos lieux d'activité.";

const p = (nom: string, type: string) => sql`${sql.placeholder(nom)}::${sql.raw(type)}`;

/** Why the server refuses a report's employer or place, per field (docs/domaine/cra.md §4). */
const REFUS_FAITS = {
  date: "Vous n'aviez pas de contrat de conseiller numérique à cette date.",
  lieuId: LIEU_D_UN_AUTRE,
  communeCode: COMMUNE_INCONNUE,
} as const;

type Faits = {
  structure_id: string | null;
  lieu_id: string | null;
  commune_code: string | null;
  departement_code: string | null;
  champ_refuse: keyof typeof REFUS_FAITS | null;
};

/**
 * What the server decides about a report, from its own data: the employer that day, and where
 * the activity took place — one of the conseiller's places that day, the employer's commune for
 * a remote activity, or the commune typed — or the field to refuse.
 */
const faitsSql = sql`with employeur as (
    select ${employeurSql(p("conseillerId", "uuid"), p("date", "date"))} as structure_id)
  select e.structure_id,
    case when ${p("typeLieu", "text")} = 'lieu_activite' then l.id end as lieu_id,
    case ${p("typeLieu", "text")} when 'lieu_activite' then l.commune_code
      when 'a_distance' then s.commune_code else co.code end as commune_code,
    case ${p("typeLieu", "text")} when 'lieu_activite' then l.departement_code
      when 'a_distance' then s.departement_code else co.departement_code end as departement_code,
    case when e.structure_id is null then 'date'
      when ${p("typeLieu", "text")} = 'lieu_activite' and l.id is null then 'lieuId'
      when ${p("typeLieu", "text")} in ('domicile', 'autre') and co.code is null then 'communeCode'
    end as champ_refuse
  from employeur e
  left join lateral (
    select l.id, l.commune_code, l.departement_code from lieu l
    where l.id = ${p("lieuId", "uuid")}
      and l.id in ${lieuxDuConseillerLe(p("conseillerId", "uuid"), p("date", "date"))}) l on true
  left join structure s on s.id = e.structure_id
  left join commune co on co.code = ${p("communeCode", "text")}`;

const faitsDeSaisie = requetePreparee<Faits>("cnfs_cra_faits", faitsSql);

const parametresFaits = (conseillerId: string, c: Cra) => ({
  conseillerId,
  date: c.date,
  typeLieu: c.typeLieu,
  lieuId: c.lieuId ?? null,
  communeCode: c.communeCode ?? null,
});

/** The columns typed by the conseiller, as stored (the server's facts come apart). */
const colonnesSaisies = (conseillerId: string, c: Cra) => ({
  conseillerId,
  type: c.type,
  public: c.public,
  date: c.date,
  dureeMinutes: c.dureeMinutes,
  typeLieu: c.typeLieu,
  nbParticipants: c.nbParticipants,
  dejaAccompagnes: c.dejaAccompagnes,
  ages: c.ages,
  statuts: c.statuts,
  genres: c.genres,
  thematiques: c.thematiques,
  precisionsDemarche: c.precisionsDemarche ?? null,
  materiel: c.materiel,
  autonomie: c.autonomie ?? null,
  oriente: c.oriente,
  structureRedirection: c.structureRedirection ?? null,
  titreAtelier: c.titreAtelier ?? null,
  niveau: c.niveau ?? null,
  notes: c.notes ?? null,
});

const CHAMPS_SAISIS = Object.keys(colonnesSaisies("", {} as Cra)) as (keyof ReturnType<
  typeof colonnesSaisies
>)[];

type LigneCra = typeof cra.$inferSelect;

/** The counters of a stored report, to take them back on edit or deletion. */
const compteursDeLigne = (l: LigneCra, signe: 1 | -1) =>
  compteursDe(
    {
      type: l.type as Cra["type"],
      public: l.public as Cra["public"],
      typeLieu: l.typeLieu as Cra["typeLieu"],
      materiel: l.materiel as Cra["materiel"],
      thematiques: l.thematiques as Cra["thematiques"],
      autonomie: l.autonomie as Cra["autonomie"],
      niveau: l.niveau as Cra["niveau"],
      structureRedirection: l.structureRedirection as Cra["structureRedirection"],
      oriente: l.oriente,
      dureeMinutes: l.dureeMinutes,
      nbParticipants: l.nbParticipants,
      dejaAccompagnes: l.dejaAccompagnes,
      ages: l.ages,
      statuts: l.statuts,
      genres: l.genres,
    },
    signe,
  );

const cleDe = (l: Pick<LigneCra, "conseillerId" | "structureId" | "departementCode" | "date">) => ({
  conseillerId: l.conseillerId,
  structureId: l.structureId!,
  departementCode: l.departementCode,
  jour: l.date,
});

/** The columns of a report from the validated input and the server's own facts. */
async function colonnesCra(tx: Executeur, conseillerId: string, c: Cra) {
  const [f] = await faitsDeSaisie(tx, parametresFaits(conseillerId, c));
  if (!f || f.champ_refuse) {
    const champ = f?.champ_refuse ?? "date";
    return echec(champ, REFUS_FAITS[champ]);
  }
  return reussite({
    ...colonnesSaisies(conseillerId, c),
    structureId: f.structure_id,
    lieuId: f.lieu_id,
    communeCode: f.commune_code,
    departementCode: f.departement_code,
  });
}

/**
 * The server's facts, the report, its journal line and its pending counters in one statement:
 * a statement is its own transaction, so they commit together, in one round trip, and only
 * insert (no shared row to wait for). Nothing is written when a fact is refused; the refused
 * field comes back.
 */
const insererCra = requetePreparee<{ id: string | null; champ_refuse: Faits["champ_refuse"] }>(
  "cnfs_cra_creer",
  sql`with faits as (${faitsSql}),
    cree as (
      insert into ${cra} (id, ${sql.join(
        CHAMPS_SAISIS.map((k) => sql.identifier(cra[k].name)),
        sql`, `,
      )}, structure_id, lieu_id, commune_code, departement_code, cree_le, modifie_le)
      select coalesce(${p("id", "uuid")}, gen_random_uuid()), ${sql.join(
        CHAMPS_SAISIS.map((k) => sql.placeholder(k)),
        sql`, `,
      )}, f.structure_id, f.lieu_id, f.commune_code, f.departement_code,
        ${p("maintenant", "timestamptz")}, ${p("maintenant", "timestamptz")}
      from faits f where f.champ_refuse is null
      -- The same report sent twice (a device's queue, a retry): written once, counted once.
      on conflict (id) do nothing
      returning id, conseiller_id, structure_id, departement_code, date),
    trace as (
      insert into journal (utilisateur_id, habilitation_id, role, auteur, requete_id, origine,
        action, cible_type, cible_id, apres)
      select ${p("utilisateurId", "uuid")}, ${p("habilitationId", "uuid")}, ${p("role", "text")},
        ${p("auteur", "text")}, ${p("requeteId", "text")}, ${p("origine", "text")},
        'cra.cree', 'cra', cree.id::text, ${p("apres", "jsonb")}
      from cree),
    source as (
      select conseiller_id, structure_id, departement_code, date as jour,
        ${p("compteurs", "int[]")} as compteurs
      from cree),
    ${cteRollups("source")}
    select (select id from cree) as id, f.champ_refuse from faits f`,
);

/**
 * A report that names followed persons has the counts derived from them, whatever was typed
 * (docs/domaine/beneficiaires.md §4); a person the conseiller may not read is refused.
 */
async function avecComptesDesPersonnes(
  tx: Executeur,
  p: { conseillerId: string; cra: Cra; craId: string | null; maintenant: Date },
): Promise<Resultat<Cra>> {
  const personnes = await personnesNommees(tx, {
    conseillerId: p.conseillerId,
    ids: p.cra.beneficiaireIds,
    date: p.cra.date,
    craId: p.craId,
    maintenant: p.maintenant,
  });
  if (!personnes.ok) return personnes;
  if (personnes.valeur.length === 0) return reussite(p.cra);
  return reussite({
    ...p.cra,
    ...comptesDesPersonnes(personnes.valeur, p.cra.nbParticipants, p.cra.date),
  });
}

type NouveauCra = { conseillerId: string; cra: Cra; acteur: Acteur; maintenant: Date };

/** A report created, or found already there when the device sent it before (`deja`). */
export type CraCree = { id: string; deja: boolean };

export const CRA_ID_PRIS = "Cet identifiant de compte rendu est déjà pris.";

/**
 * The report a device already sent under this id: the same one, whatever changed since (a
 * contract ended, a place left), so that a queue sending twice never writes twice.
 */
async function dejaRecu(db: Executeur, params: NouveauCra): Promise<Resultat<CraCree> | null> {
  if (!params.cra.id) return null;
  const [l] = await db
    .select({ conseillerId: cra.conseillerId })
    .from(cra)
    .where(eq(cra.id, params.cra.id));
  if (!l) return null;
  return l.conseillerId === params.conseillerId
    ? reussite({ id: params.cra.id, deja: true })
    : conflit("id", CRA_ID_PRIS);
}

/** Records a report and its roll-ups in one transaction (docs/domaine/statistiques-et-opendata.md §2.3). */
export async function creerCra(db: Db, params: NouveauCra): Promise<Resultat<CraCree>> {
  const deja = await dejaRecu(db, params);
  if (deja) return deja;
  const futur = refusDateFuture(params.cra.date, jourParis(params.maintenant));
  if (futur) return futur;
  // Anonymous, the common case: one statement. Naming persons, or answering an orientation,
  // reads them first, in one transaction.
  const { orientationId } = params.cra;
  if (params.cra.beneficiaireIds.length === 0 && !orientationId) return inserer(db, params);
  return db.transaction(async (tx) => {
    if (orientationId) {
      const o = await orientationAVoir(tx, orientationId, params.conseillerId, params.maintenant);
      if (!o.ok) return o;
    }
    const c = await avecComptesDesPersonnes(tx, { ...params, craId: null });
    if (!c.ok) return c;
    const r = await inserer(tx, { ...params, cra: c.valeur });
    if (!r.ok || r.valeur.deja) return r;
    await lierPersonnes(tx, r.valeur.id, params.cra.beneficiaireIds);
    if (orientationId)
      await marquerVue(tx, {
        id: orientationId,
        craId: r.valeur.id,
        conseillerId: params.conseillerId,
        acteur: params.acteur,
        maintenant: params.maintenant,
      });
    return r;
  });
}

/**
 * Records an anonymous report inside the caller's transaction, with the same checks as a typed
 * one: a workshop's attendance becomes its collective report with the marks (docs/domaine/ateliers.md §6).
 */
export async function creerCraAnonymeDans(
  tx: Executeur,
  params: NouveauCra,
): Promise<Resultat<CraCree>> {
  return refusDateFuture(params.cra.date, jourParis(params.maintenant)) ?? inserer(tx, params);
}

async function inserer(db: Executeur, params: NouveauCra): Promise<Resultat<CraCree>> {
  const [r] = await insererCra(db, {
    id: params.cra.id ?? null,
    ...parametresFaits(params.conseillerId, params.cra),
    ...colonnesSaisies(params.conseillerId, params.cra),
    ...params.acteur,
    apres: { date: params.cra.date, type: params.cra.type },
    compteurs: vecteurCompteurs(compteursDe(params.cra)),
    // The platform's clock, as on a change: the database's own would ignore an injected one.
    maintenant: params.maintenant.toISOString(),
  });
  if (!r?.id) {
    // Nothing written, nothing refused: the same id arrived meanwhile from another request.
    if (r && !r.champ_refuse && params.cra.id)
      return (await dejaRecu(db, params)) ?? conflit("id", CRA_ID_PRIS);
    const champ = r?.champ_refuse ?? "date";
    return echec(champ, REFUS_FAITS[champ]);
  }
  return reussite({ id: r.id, deja: false });
}

/**
 * One of the conseiller's reports, as stored, with the followed persons it names that they may
 * still read; another's report is refused, not hidden.
 */
export async function lireMonCra(
  db: Executeur,
  id: string,
  conseillerId: string,
  maintenant: Date,
) {
  const [l] = await db.select().from(cra).where(eq(cra.id, id));
  if (!l) return introuvable(CRA_INTROUVABLE);
  if (l.conseillerId !== conseillerId) return interdit(CRA_D_UN_AUTRE);
  const lecteur = await lecteurDuJour(db, conseillerId, maintenant);
  return reussite({
    ...l,
    personnes: await personnesDuCra(db, lecteur, id),
    personnesIllisibles: (await personnesIllisiblesDuCra(db, lecteur, id)).length,
  });
}

async function craDuConseiller(
  tx: Executeur,
  id: string,
  conseillerId: string,
): Promise<Resultat<typeof cra.$inferSelect>> {
  const [l] = await tx.select().from(cra).where(eq(cra.id, id)).for("update");
  if (!l) return introuvable(CRA_INTROUVABLE);
  if (l.conseillerId !== conseillerId) return interdit(CRA_D_UN_AUTRE);
  return reussite(l);
}

export async function modifierCra(
  db: Db,
  params: { id: string; conseillerId: string; cra: Cra; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ id: string }>> {
  const futur = refusDateFuture(params.cra.date, jourParis(params.maintenant));
  if (futur) return futur;
  return db.transaction(async (tx) => {
    const trouve = await craDuConseiller(tx, params.id, params.conseillerId);
    if (!trouve.ok) return trouve;
    const avant = trouve.valeur;
    // Persons named that a colleague no longer shares stay named: they were not removed.
    const gardees = await personnesIllisiblesDuCra(
      tx,
      await lecteurDuJour(tx, params.conseillerId, params.maintenant),
      avant.id,
    );
    const beneficiaireIds = [...new Set([...params.cra.beneficiaireIds, ...gardees])];
    if (beneficiaireIds.length > params.cra.nbParticipants)
      return echec(
        "beneficiaireIds",
        `Ce compte rendu nomme aussi ${quantite(gardees.length, "personne suivie que vous ne pouvez plus lire", "personnes suivies que vous ne pouvez plus lire")} : il ne peut pas nommer plus de personnes que de participants.`,
      );
    const derive = await avecComptesDesPersonnes(tx, {
      ...params,
      cra: { ...params.cra, beneficiaireIds },
      craId: avant.id,
    });
    if (!derive.ok) return derive;
    const c = derive.valeur;
    const colonnes = await colonnesCra(tx, params.conseillerId, c);
    if (!colonnes.ok) return colonnes;
    await lierPersonnes(tx, avant.id, c.beneficiaireIds);
    const [apres] = await tx
      .update(cra)
      .set({ ...colonnes.valeur, modifieLe: params.maintenant })
      .where(eq(cra.id, avant.id))
      .returning();
    const ancienne = cleDe(avant);
    const nouvelle = cleDe(apres!);
    if (JSON.stringify(ancienne) === JSON.stringify(nouvelle)) {
      await appliquerCompteurs(
        tx,
        nouvelle,
        difference(compteursDeLigne(avant, 1), compteursDe(c)),
      );
    } else {
      await appliquerCompteurs(tx, ancienne, compteursDeLigne(avant, -1));
      await appliquerCompteurs(tx, nouvelle, compteursDe(c));
    }
    await journaliser(tx, params.acteur, {
      action: "cra.modifie",
      cibleType: "cra",
      cibleId: avant.id,
      avant: { date: avant.date, type: avant.type, dureeMinutes: avant.dureeMinutes },
      apres: { date: apres!.date, type: apres!.type, dureeMinutes: apres!.dureeMinutes },
    });
    return reussite({ id: avant.id });
  });
}

export async function supprimerCra(
  db: Db,
  params: { id: string; conseillerId: string; acteur: Acteur },
): Promise<Resultat<{ id: string }>> {
  return db.transaction(async (tx) => {
    const trouve = await craDuConseiller(tx, params.id, params.conseillerId);
    if (!trouve.ok) return trouve;
    const l = trouve.valeur;
    await tx.delete(cra).where(eq(cra.id, l.id));
    await appliquerCompteurs(tx, cleDe(l), compteursDeLigne(l, -1));
    await journaliser(tx, params.acteur, {
      action: "cra.supprime",
      cibleType: "cra",
      cibleId: l.id,
      avant: { date: l.date, type: l.type },
    });
    return reussite({ id: l.id });
  });
}
