import { and, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import { compteursDe, difference } from "../../domain/cra/compteurs.ts";
import type { Cra } from "../../domain/cra/cra.ts";
import { echec, type Resultat, reussite } from "../../domain/erreurs.ts";
import { type Db, type Executeur, lignes } from "../db/client.ts";
import { commune, cra, lieu, lieuConseiller, structure } from "../db/schema.ts";
import { type Acteur, journaliser } from "../journal/journal.ts";
import { appliquerCompteurs } from "./rollups.ts";

export const CRA_D_UN_AUTRE = "Vous n'avez pas l'autorisation de modifier ce compte rendu.";
export const LIEU_D_UN_AUTRE = "Ce lieu ne fait pas partie de vos lieux d'activité.";

/**
 * The employer on the activity's date: the structure of the contract that ran that day; for a
 * conseiller recruited before contracts were kept here, the structure of their habilitation.
 */
export async function employeurA(
  tx: Executeur,
  conseillerId: string,
  jour: string,
): Promise<string | null> {
  // One round trip: it runs for every report typed.
  const [r] = await lignes<{ structure_id: string | null }>(
    tx,
    sql`select coalesce(
      (select k.structure_id from contrat k
        where k.utilisateur_id = ${conseillerId} and k.statut in ('actif', 'termine')
          and k.date_debut <= ${jour}
          and coalesce(k.date_fin_effective, k.date_fin, 'infinity'::date) >= ${jour}
        order by k.date_debut desc limit 1),
      (select h.structure_id from habilitation h
        where h.utilisateur_id = ${conseillerId} and h.role = 'conseiller' and h.actif
          and not exists (select 1 from contrat k where k.utilisateur_id = ${conseillerId})
        limit 1)
    ) as structure_id`,
  );
  return r?.structure_id ?? null;
}

type Emplacement = { lieuId: string | null; communeCode: string; departementCode: string };

/** Where the activity took place, from the server's data (cra.md §3.1, §4). */
async function emplacement(
  tx: Executeur,
  conseillerId: string,
  structureId: string,
  c: Cra,
): Promise<Resultat<Emplacement>> {
  if (c.typeLieu === "lieu_activite") {
    const [l] = await tx
      .select({ id: lieu.id, communeCode: lieu.communeCode, departementCode: lieu.departementCode })
      .from(lieuConseiller)
      .innerJoin(lieu, eq(lieu.id, lieuConseiller.lieuId))
      .where(
        and(
          eq(lieuConseiller.conseillerId, conseillerId),
          eq(lieuConseiller.lieuId, c.lieuId ?? ""),
          lte(lieuConseiller.debut, c.date),
          or(isNull(lieuConseiller.fin), gte(lieuConseiller.fin, c.date)),
        ),
      )
      .limit(1);
    if (!l) return echec("lieuId", LIEU_D_UN_AUTRE);
    return reussite({
      lieuId: l.id,
      communeCode: l.communeCode,
      departementCode: l.departementCode,
    });
  }
  if (c.typeLieu === "a_distance") {
    const [s] = await tx.select().from(structure).where(eq(structure.id, structureId));
    return reussite({
      lieuId: null,
      communeCode: s!.communeCode,
      departementCode: s!.departementCode,
    });
  }
  const [co] = await tx
    .select()
    .from(commune)
    .where(eq(commune.code, c.communeCode ?? ""));
  if (!co) return echec("communeCode", "Cette commune est inconnue du référentiel officiel.");
  return reussite({ lieuId: null, communeCode: co.code, departementCode: co.departementCode });
}

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
  const structureId = await employeurA(tx, conseillerId, c.date);
  if (!structureId)
    return echec("date", "Vous n'aviez pas de contrat de conseiller numérique à cette date.");
  const ou = await emplacement(tx, conseillerId, structureId, c);
  if (!ou.ok) return ou;
  return reussite({
    conseillerId,
    structureId,
    type: c.type,
    public: c.public,
    date: c.date,
    dureeMinutes: c.dureeMinutes,
    typeLieu: c.typeLieu,
    ...ou.valeur,
    nbParticipants: c.nbParticipants,
    dejaAccompagnes: c.dejaAccompagnes,
    ages: c.ages,
    statuts: c.statuts,
    genres: c.genres,
    thematiques: c.thematiques,
    precisionsDemarche: c.precisionsDemarche,
    materiel: c.materiel,
    autonomie: c.autonomie,
    oriente: c.oriente,
    structureRedirection: c.structureRedirection,
    titreAtelier: c.titreAtelier,
    niveau: c.niveau,
    notes: c.notes,
  });
}

/** Records a report and its roll-ups in one transaction (statistiques-et-opendata.md §2.3). */
export async function creerCra(
  db: Db,
  params: { conseillerId: string; cra: Cra; acteur: Acteur },
): Promise<Resultat<{ id: string }>> {
  return db.transaction(async (tx) => {
    const colonnes = await colonnesCra(tx, params.conseillerId, params.cra);
    if (!colonnes.ok) return colonnes;
    const [ligne] = await tx.insert(cra).values(colonnes.valeur).returning();
    await journaliser(tx, params.acteur, {
      action: "cra.cree",
      cibleType: "cra",
      cibleId: ligne!.id,
      apres: { date: ligne!.date, type: ligne!.type },
    });
    // Roll-up rows are shared by every writer of the day: locked last, held until commit only.
    await appliquerCompteurs(tx, cleDe(ligne!), compteursDe(params.cra));
    return reussite({ id: ligne!.id });
  });
}

async function craDuConseiller(tx: Executeur, id: string, conseillerId: string) {
  const [l] = await tx.select().from(cra).where(eq(cra.id, id)).for("update");
  if (!l) return "introuvable" as const;
  if (l.conseillerId !== conseillerId) return "interdit" as const;
  return l;
}

export async function modifierCra(
  db: Db,
  params: { id: string; conseillerId: string; cra: Cra; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ id: string }> | "introuvable" | "interdit"> {
  return db.transaction(async (tx) => {
    const avant = await craDuConseiller(tx, params.id, params.conseillerId);
    if (typeof avant === "string") return avant;
    const colonnes = await colonnesCra(tx, params.conseillerId, params.cra);
    if (!colonnes.ok) return colonnes;
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
        difference(compteursDeLigne(avant, 1), compteursDe(params.cra)),
      );
    } else {
      await appliquerCompteurs(tx, ancienne, compteursDeLigne(avant, -1));
      await appliquerCompteurs(tx, nouvelle, compteursDe(params.cra));
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
): Promise<Resultat<{ id: string }> | "introuvable" | "interdit"> {
  return db.transaction(async (tx) => {
    const l = await craDuConseiller(tx, params.id, params.conseillerId);
    if (typeof l === "string") return l;
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
