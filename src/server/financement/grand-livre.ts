import { type SQL, sql } from "drizzle-orm";
import type { Periode } from "../../domain/financement/droits.ts";
import {
  type FileGrandLivre,
  type RegleVersement,
  type SituationPoste,
  situationDuPoste,
} from "../../domain/financement/echeancier.ts";
import { sansAccents } from "../../domain/texte.ts";
import { type Executeur, lignes } from "../db/client.ts";

export type LigneGrandLivre = SituationPoste & {
  posteId: string;
  structureId: string;
  structure: string;
  siret: string | null;
  departementCode: string;
  secteur: string;
  statut: string;
  dateAttribution: string;
  plafondCents: number;
  dureeMois: number;
  periodes: Periode[];
};

type PeriodesJson = { debut: string; fin: string | null }[] | null;

/**
 * The validated contracts of a post as periods (JSON, by start): an ended one to its end; a
 * running one open (`a_date`: the entitlement stops on the day asked) or to its planned end
 * (`prevues`: the forecast).
 */
export function periodesSql(posteId: SQL, fins: "a_date" | "prevues"): SQL {
  const finEnCours =
    fins === "a_date" ? sql`k.date_fin_effective` : sql`coalesce(k.date_fin_effective, k.date_fin)`;
  return sql`(select json_agg(json_build_object('debut', k.date_debut,
                'fin', case when k.statut = 'termine' then coalesce(k.date_fin_effective, k.date_fin)
                            else ${finEnCours} end) order by k.date_debut)
              from contrat k where k.poste_id = ${posteId} and k.statut in ('actif', 'termine'))`;
}

export function lirePeriodes(json: PeriodesJson): Periode[] {
  return (json ?? []).map((x) => ({ debut: String(x.debut), fin: x.fin ? String(x.fin) : null }));
}

/** The payment rule in force on a day (the latest one applicable). */
export async function regleVersementAu(tx: Executeur, au: string): Promise<RegleVersement> {
  const [r] = await lignes<{ avance_pourcent: number; periode_mois: number }>(
    tx,
    sql`select avance_pourcent, periode_mois from regle_versement
        where applicable_du <= ${au} order by applicable_du desc limit 1`,
  );
  return { avancePourcent: r?.avance_pourcent ?? 0, periodeMois: r?.periode_mois ?? 3 };
}

/**
 * Every post of the structures matching `condition` (on the `structure` table), with its entitlement, what the
 * schedule calls for, what was paid and what is due or owed back on `au`: three indexed reads,
 * the arithmetic in the domain.
 */
export async function grandLivre(
  tx: Executeur,
  condition: SQL,
  au: string,
): Promise<LigneGrandLivre[]> {
  const [livre] = await grandLivreAuxDates(tx, condition, [au]);
  return livre!;
}

/**
 * The same ledger on several days, the posts, payments and contracts read once: the financeur's
 * work queues ask for today and for the month's end.
 */
export async function grandLivreAuxDates(
  tx: Executeur,
  condition: SQL,
  dates: string[],
): Promise<LigneGrandLivre[][]> {
  const postes = await lignes<LignePosteGrandLivre>(
    tx,
    sql`select p.id, p.structure_id, structure.nom as structure, structure.siret,
          structure.departement_code, p.secteur,
          p.statut, p.date_attribution::text, p.plafond_cents, p.duree_mois,
          coalesce((select sum(v.montant_cents) from versement v where v.poste_id = p.id), 0)::int as verse,
          ${periodesSql(sql`p.id`, "a_date")} as periodes
        from poste p join structure on structure.id = p.structure_id
        where ${condition}
        order by structure.nom, p.date_attribution, p.id`,
  );
  const livres: LigneGrandLivre[][] = [];
  for (const au of dates) livres.push(situationsAu(postes, await regleVersementAu(tx, au), au));
  return livres;
}

type LignePosteGrandLivre = {
  id: string;
  structure_id: string;
  structure: string;
  siret: string | null;
  departement_code: string;
  secteur: string;
  statut: string;
  date_attribution: string;
  plafond_cents: number;
  duree_mois: number;
  verse: number;
  periodes: PeriodesJson;
};

function situationsAu(
  postes: LignePosteGrandLivre[],
  regle: RegleVersement,
  au: string,
): LigneGrandLivre[] {
  return postes.map((p) => {
    const periodes = lirePeriodes(p.periodes);
    const regleDuPoste = { plafondCents: p.plafond_cents, dureeMois: p.duree_mois };
    const situation = situationDuPoste({
      regle: regleDuPoste,
      versement: regle,
      // The first validated recruitment opens the advance.
      validation: periodes[0]?.debut ?? null,
      periodes,
      verseCents: p.verse,
      clos: p.statut === "rendu",
      au,
    });
    return {
      ...situation,
      posteId: p.id,
      structureId: p.structure_id,
      structure: p.structure,
      siret: p.siret,
      departementCode: p.departement_code,
      secteur: p.secteur,
      statut: p.statut,
      dateAttribution: p.date_attribution,
      plafondCents: p.plafond_cents,
      dureeMois: p.duree_mois,
      periodes,
    };
  });
}

/** Rows of the ledger's screen: a page holds this many posts. */
export const TAILLE_PAGE_GRAND_LIVRE = 25;

/**
 * The posts a ledger screen asks for: a structure's name, SIRET or département typed (case and
 * accents ignored), and a work queue (something due, something owed back).
 */
export function filtrerGrandLivre(
  postes: LigneGrandLivre[],
  f: { recherche?: string | undefined; file?: FileGrandLivre | undefined },
): LigneGrandLivre[] {
  const cherche = f.recherche ? sansAccents(f.recherche) : "";
  return postes.filter(
    (p) =>
      (!cherche ||
        sansAccents(p.structure).includes(cherche) ||
        (p.siret ?? "").includes(cherche) ||
        p.departementCode.toLowerCase() === cherche) &&
      (f.file !== "a_verser" || p.duCents > 0) &&
      (f.file !== "trop_percu" || p.tropPercuCents > 0),
  );
}

/**
 * The orders of the ledger: by structure (its order of reading), the largest amount due or owed
 * back first (what a payment run or a recovery starts with), the oldest grant first.
 */
export const TRIS_GRAND_LIVRE = ["structure", "du", "trop_percu", "attribution"] as const;
export type TriGrandLivre = (typeof TRIS_GRAND_LIVRE)[number];

/** Ties keep the base's order: structure name, grant date, post. */
const COMPARAISONS: Record<TriGrandLivre, (a: LigneGrandLivre, b: LigneGrandLivre) => number> = {
  structure: () => 0,
  du: (a, b) => b.duCents - a.duCents,
  trop_percu: (a, b) => b.tropPercuCents - a.tropPercuCents,
  attribution: (a, b) => a.dateAttribution.localeCompare(b.dateAttribution),
};

/** The ledger's lines in one of its orders (a new array, the sort is stable). */
export const trierGrandLivre = (postes: LigneGrandLivre[], tri: TriGrandLivre) =>
  tri === "structure" ? postes : postes.toSorted(COMPARAISONS[tri]);
