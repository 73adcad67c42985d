import { sql } from "drizzle-orm";
import { z } from "zod";
import { echec, interdit, type Resultat, reussite } from "../../domain/erreurs.ts";
import type { SessionChargee } from "../access/index.ts";
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
} & FiltresActivite;

/**
 * The statistics of the session's scope over a period, narrowed to one of its départements when
 * asked; a département outside the scope is refused, never silently widened.
 */
export async function statistiquesDuPerimetre(
  db: Executeur,
  connexion: SessionChargee,
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
  return reussite(
    await statistiquesDe(
      db,
      source,
      periode(query, aujourdhui),
      departement ? sql`departement_code = ${departement}` : undefined,
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
