import { type AnyColumn, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { SessionChargee } from "../auth/sessions.ts";

type Colonne = AnyColumn;

/** The columns a query exposes to the scoping rule; a missing one means "cannot match". */
export type ColonnesPerimetre = {
  departement?: Colonne;
  region?: Colonne;
  commune?: Colonne;
  structureId?: Colonne;
  reseau?: Colonne;
  /** The person a row belongs to (a conseiller's or a candidate's own rows). */
  utilisateurId?: Colonne;
};

const REFUS = sql`false`;

function dans(colonne: Colonne | undefined, valeurs: readonly string[] | undefined): SQL {
  if (!colonne || !valeurs || valeurs.length === 0) return REFUS;
  return inArray(colonne, [...valeurs]);
}

function egal(colonne: Colonne | undefined, valeur: string): SQL {
  return colonne ? eq(colonne, valeur) : REFUS;
}

/**
 * The one function that turns the session's habilitation into a SQL predicate, for reads and
 * writes alike (docs/securite.md, règles 2 et 4). Anything it does not know how to match is refused.
 */
export function predicatPerimetre(connexion: SessionChargee | null, c: ColonnesPerimetre): SQL {
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
      return egal(c.region, p.code);
    case "regions":
      return dans(c.region, p.codes);
    case "departements":
      return dans(c.departement, p.codes);
    case "communes":
    case "conseillers":
      return parMembres(c, p.conseillerIds, p.structureIds);
    case "structure":
      return egal(c.structureId, p.structureId);
    case "reseau":
      return egal(c.reseau, p.code);
    case "soi":
      if (c.utilisateurId) return eq(c.utilisateurId, connexion.utilisateur.id);
      return dans(c.structureId, p.structureIds);
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
