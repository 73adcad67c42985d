import { sql } from "drizzle-orm";
import { z } from "zod";
import { echec, interdit, type Resultat, reussite } from "../../domain/erreurs.ts";
import type { PorteurDePerimetre } from "../access/index.ts";
import { type Executeur, lignes, tableauSql } from "../db/client.ts";
import {
  type FiltresActivite,
  type Periode,
  SOURCE_NATIONALE,
  type StatistiquesPeriode,
  sourceDepartementale,
  sourceDuPerimetre,
  statistiquesDe,
} from "./statistiques-queries.ts";

export const periodeSchema = z
  .object({
    du: z.iso.date("La date de début est invalide (AAAA-MM-JJ).").optional(),
    au: z.iso.date("La date de fin est invalide (AAAA-MM-JJ).").optional(),
  })
  .refine((p) => !p.du || !p.au || p.du <= p.au, {
    path: ["au"],
    message: "La fin de la période doit suivre son début.",
  });

/** Default period: the last 12 months up to today (docs/domaine/statistiques-et-opendata.md §1). */
export function periode(
  q: { du?: string | undefined; au?: string | undefined },
  aujourdhui: string,
): Periode {
  const au = q.au ?? aujourdhui;
  const d = new Date(`${au}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return { du: q.du ?? d.toISOString().slice(0, 10), au };
}

type Requete = {
  du?: string | undefined;
  au?: string | undefined;
  departement?: string | undefined;
  /** A conseiller or an employer among the people of the scope (a coordinator's team). */
  conseiller?: string | undefined;
  structure?: string | undefined;
} & FiltresActivite;

/**
 * The statistics of the session's scope over a period, narrowed to one of its départements, or
 * to one conseiller or employer of a scope of people, when asked; a département outside the
 * scope is refused, never silently widened.
 */
export async function statistiquesDuPerimetre(
  db: Executeur,
  connexion: PorteurDePerimetre,
  query: Requete,
  aujourdhui: string,
): Promise<Resultat<StatistiquesPeriode>> {
  const source = sourceDuPerimetre(connexion);
  if (!source) return interdit("Votre habilitation ne donne pas accès aux statistiques.", "");
  const departement = query.departement;
  if (departement) {
    if (source.table !== "stat_departement_jour")
      return echec("departement", "Ce filtre n'est pas disponible pour votre périmètre.");
    const [dedans] = await lignes(
      db,
      sql`select 1 from (select ${departement}::text as departement_code) d
          where ${source.condition}`,
    );
    if (!dedans) return interdit("Ce département n'est pas dans votre périmètre.", "departement");
  }
  // Narrowing the scope's own condition: a conseiller or an employer outside it counts nothing.
  const parPersonnes = [
    query.conseiller ? sql`conseiller_id = ${query.conseiller}::uuid` : null,
    query.structure ? sql`structure_id = ${query.structure}::uuid` : null,
  ].filter((x) => x !== null);
  if (parPersonnes.length > 0 && source.table !== "stat_conseiller_jour")
    return echec(
      query.conseiller ? "conseiller" : "structure",
      "Ce filtre n'est pas disponible pour votre périmètre.",
    );
  const filtres = [
    departement ? sql`departement_code = ${departement}` : null,
    ...parPersonnes,
  ].filter((x) => x !== null);
  return reussite(
    await statistiquesDe(
      db,
      source,
      periode(query, aujourdhui),
      filtres.length > 0 ? sql.join(filtres, sql` and `) : undefined,
      query,
    ),
  );
}

/** The public statistics: national, of a région or of a département. */
export function statistiquesPubliques(
  db: Executeur,
  query: Requete & { region?: string | undefined },
  aujourdhui: string,
): Promise<StatistiquesPeriode> {
  const source = query.departement
    ? sourceDepartementale(sql`departement_code = ${query.departement}`)
    : query.region
      ? sourceDepartementale(
          sql`departement_code in (select code from departement where region_code = ${query.region})`,
        )
      : SOURCE_NATIONALE;
  return statistiquesDe(db, source, periode(query, aujourdhui), undefined, query);
}

/** The statistics of some départements, of the whole country when none is given. */
export function statistiquesDesDepartements(
  db: Executeur,
  departements: readonly string[],
  p: Periode,
  filtres: FiltresActivite,
): Promise<StatistiquesPeriode> {
  const source =
    departements.length > 0
      ? sourceDepartementale(sql`departement_code = any(${tableauSql([...departements], "text")})`)
      : SOURCE_NATIONALE;
  return statistiquesDe(db, source, p, undefined, filtres);
}
