import { type SQL, sql } from "drizzle-orm";
import {
  COLONNES_COMPTEURS,
  colonneAccompagnements,
  colonneActivites,
  colonnePersonnes,
  DIMENSIONS_ACTIVITE,
  DIMENSIONS_PERSONNE,
  type DimensionActivite,
  type DimensionPersonne,
} from "../../domain/cra/compteurs.ts";

/** Accompagnements of one report (docs/domaine/cra.md §6), as SQL over a `cra` row aliased `c`. */
const ACC = sql`(case when c.type = 'collectif' then c.nb_participants else 1 end)`;

/** Whether a report has value `v` in dimension `d` (docs/domaine/cra.md §7.3), over `c`. */
function porte(d: DimensionActivite, v: string): SQL {
  switch (d) {
    case "type":
      return sql`c.type = ${v}`;
    case "public":
      return sql`c.public = ${v}`;
    case "lieu":
      return sql`c.type_lieu = ${v}`;
    case "materiel":
      return sql`${v} = any(c.materiel)`;
    case "thematique":
      return sql`${v} = any(c.thematiques)`;
    case "autonomie":
      return sql`c.autonomie = ${v}`;
    case "niveau":
      return sql`c.niveau = ${v}`;
    case "orientation":
      return sql`c.oriente and c.structure_redirection = ${v}`;
    case "duree":
      return {
        moins_30: sql`c.duree_minutes < 30`,
        de_30_a_60: sql`c.duree_minutes >= 30 and c.duree_minutes < 60`,
        de_60_a_120: sql`c.duree_minutes >= 60 and c.duree_minutes < 120`,
        plus_120: sql`c.duree_minutes >= 120`,
      }[v as "moins_30"]!;
  }
}

const JSON_PERSONNES: Record<DimensionPersonne, SQL> = {
  age: sql`c.ages`,
  statut: sql`c.statuts`,
  genre: sql`c.genres`,
};

/**
 * Every counter recomputed from raw reports, as `sum(...) as "colonne"` expressions in the
 * order of COLONNES_COMPTEURS: the consistency check and the naive baseline read the reports
 * through it. Values are bound parameters; column names come from the vocabulary only.
 */
export function agregatsDepuisCra(): SQL {
  const expressions = new Map<string, SQL>([
    ["activites", sql`count(*)`],
    ["accompagnements", sql`sum(${ACC})`],
    ["deja_accompagnes", sql`sum(c.deja_accompagnes)`],
    ["duree_minutes", sql`sum(c.duree_minutes)`],
    ["orientations", sql`count(*) filter (where c.oriente)`],
  ]);
  for (const [d, valeurs] of Object.entries(DIMENSIONS_ACTIVITE)) {
    for (const v of Object.keys(valeurs)) {
      const condition = porte(d as DimensionActivite, v);
      expressions.set(
        colonneActivites(d as DimensionActivite, v),
        sql`count(*) filter (where ${condition})`,
      );
      expressions.set(
        colonneAccompagnements(d as DimensionActivite, v),
        sql`coalesce(sum(${ACC}) filter (where ${condition}), 0)`,
      );
    }
  }
  for (const [d, valeurs] of Object.entries(DIMENSIONS_PERSONNE)) {
    for (const v of Object.keys(valeurs)) {
      expressions.set(
        colonnePersonnes(d as DimensionPersonne, v),
        sql`coalesce(sum((${JSON_PERSONNES[d as DimensionPersonne]} ->> ${v})::int), 0)`,
      );
    }
  }
  return sql.join(
    COLONNES_COMPTEURS.map((col) => sql`(${expressions.get(col)!})::int as ${sql.identifier(col)}`),
    sql`, `,
  );
}

/** `sum("colonne") as "colonne"` for every counter: reading roll-ups over a period. */
export function sommesDesCompteurs(colonnes: readonly string[] = COLONNES_COMPTEURS): SQL {
  return sql.join(
    colonnes.map(
      (col) => sql`coalesce(sum(${sql.identifier(col)}), 0)::int as ${sql.identifier(col)}`,
    ),
    sql`, `,
  );
}
