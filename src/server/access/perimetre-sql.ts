import { type AnyColumn, eq, inArray, SQL, sql } from "drizzle-orm";
import type { PorteurDePerimetre } from "./sessions.ts";

/** A column of a drizzle table, or of a raw one (`sql.identifier`) such as the roll-ups. */
type Colonne = AnyColumn | SQL;

/** The columns a query exposes to the scoping rule; a missing one means "cannot match". */
export type ColonnesPerimetre = {
  departement?: Colonne;
  /** Its région, or, on a table without one, its département matched through `departement`. */
  region?: Colonne | { parDepartement: Colonne };
  commune?: Colonne;
  structureId?: Colonne;
  /** Its network, or, on a table without one, its structure matched through `structure`. */
  reseau?: Colonne | { parStructure: Colonne };
  /** The person a row belongs to (a conseiller's or a candidate's own rows). */
  utilisateurId?: Colonne;
};

const REFUS = sql`false`;

function dans(colonne: Colonne | undefined, valeurs: readonly string[] | undefined): SQL {
  if (!colonne || !valeurs || valeurs.length === 0) return REFUS;
  // Two calls for the two overloads: TypeScript does not pick one for a union.
  return colonne instanceof SQL ? inArray(colonne, [...valeurs]) : inArray(colonne, [...valeurs]);
}

function egal(colonne: Colonne | undefined, valeur: string): SQL {
  if (!colonne) return REFUS;
  return colonne instanceof SQL ? eq(colonne, valeur) : eq(colonne, valeur);
}

const liste = (valeurs: readonly string[]) =>
  sql.join(
    valeurs.map((v) => sql`${v}`),
    sql`, `,
  );

function dansRegions(c: ColonnesPerimetre["region"], codes: readonly string[]): SQL {
  if (!c || !("parDepartement" in c)) return dans(c, codes);
  if (codes.length === 0) return REFUS;
  return sql`${c.parDepartement} in (select code from departement where region_code in (${liste(codes)}))`;
}

function duReseau(c: ColonnesPerimetre["reseau"], code: string): SQL {
  if (!c || !("parStructure" in c)) return egal(c, code);
  return sql`${c.parStructure} in (select id from structure where reseau = ${code})`;
}

/**
 * The one function that turns the session's habilitation into a SQL predicate, for reads and
 * writes alike (docs/securite.md, règles 2 et 4). Anything it does not know how to match is refused.
 */
export function predicatPerimetre(connexion: PorteurDePerimetre | null, c: ColonnesPerimetre): SQL {
  const h = connexion?.habilitation;
  if (!connexion || !h) return REFUS;
  const p = h.perimetre;
  switch (p.type) {
    case "national":
      return h.role === "admin" || h.role === "financeur" ? sql`true` : REFUS;
    case "departement":
      if (h.role === "coordinateur") return parMembres(c, p.conseillerIds, p.structureIds);
      return egal(c.departement, p.code);
    case "region":
      if (h.role === "coordinateur") return parMembres(c, p.conseillerIds, p.structureIds);
      return dansRegions(c.region, [p.code]);
    case "regions":
      return dansRegions(c.region, p.codes);
    case "departements":
      return dans(c.departement, p.codes);
    case "communes":
    case "conseillers":
      return parMembres(c, p.conseillerIds, p.structureIds);
    case "structure":
      return egal(c.structureId, p.structureId);
    case "reseau":
      return duReseau(c.reseau, p.code);
    case "soi":
      if (c.utilisateurId) return egal(c.utilisateurId, connexion.utilisateur.id);
      return dans(c.structureId, p.structureIds);
  }
}

/**
 * What a scope is matched on: the whole country, territories (département or région columns),
 * or people and structures. A statistic picks its roll-up from it; null when nothing matches.
 */
export function grainDuPerimetre(
  connexion: PorteurDePerimetre | null,
): "national" | "territoire" | "personnes" | null {
  const h = connexion?.habilitation;
  if (!h) return null;
  switch (h.perimetre.type) {
    case "national":
      return h.role === "admin" || h.role === "financeur" ? "national" : null;
    case "departement":
    case "region":
      return h.role === "coordinateur" ? "personnes" : "territoire";
    case "regions":
    case "departements":
      return "territoire";
    default:
      return "personnes";
  }
}

/** A coordinator reaches rows of its conseillers, or else the structures that employ them. */
function parMembres(
  c: ColonnesPerimetre,
  conseillerIds: readonly string[] | undefined,
  structureIds: readonly string[] | undefined,
): SQL {
  if (c.utilisateurId) return dans(c.utilisateurId, conseillerIds);
  return dans(c.structureId, structureIds);
}
