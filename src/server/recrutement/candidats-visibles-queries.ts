import { and, eq, ne } from "drizzle-orm";
import type { Executeur } from "../db/client.ts";
import { candidature, miseEnRelation, utilisateur } from "../db/schema.ts";
import { origineVivier, rechercherVivier } from "./vivier-queries.ts";

/**
 * A candidate's personal data reaches a structure only while the candidate is in its pool or
 * paired with it (recrutement rule: open posts in reach).
 */
export async function candidatVisible(
  tx: Executeur,
  structureId: string,
  candidatureId: string,
  aujourdhui: string,
) {
  const [relation] = await tx
    .select({ statut: miseEnRelation.statut })
    .from(miseEnRelation)
    .where(
      and(
        eq(miseEnRelation.structureId, structureId),
        eq(miseEnRelation.candidatureId, candidatureId),
        ne(miseEnRelation.statut, "caduque"),
      ),
    );
  if (!relation) {
    const origine = await origineVivier(tx, structureId, aujourdhui);
    if (typeof origine === "string") return null;
    const [dans] = await rechercherVivier(tx, origine, { candidatureId });
    if (!dans) return null;
  }
  const [c] = await tx
    .select({
      id: candidature.id,
      statut: candidature.statut,
      prenom: utilisateur.prenom,
      nom: utilisateur.nom,
      email: utilisateur.email,
      telephone: candidature.telephone,
      communeCode: candidature.communeCode,
      situations: candidature.situations,
      diplome: candidature.diplome,
      dateDisponibilite: candidature.dateDisponibilite,
      distanceMaxKm: candidature.distanceMaxKm,
      motivation: candidature.motivation,
      pix: candidature.pix,
    })
    .from(candidature)
    .innerJoin(utilisateur, eq(utilisateur.id, candidature.utilisateurId))
    .where(eq(candidature.id, candidatureId));
  return c ? { ...c, relation: relation?.statut ?? null } : null;
}

export const CANDIDAT_INVISIBLE =
  "Ce candidat n'existe pas ou n'est pas dans votre vivier (postes vacants, distance, disponibilité).";

/** The candidates a structure has short-listed, not yet recruited. */
export function candidatsPreselectionnes(db: Executeur, structureId: string) {
  return db
    .select({
      id: candidature.id,
      prenom: utilisateur.prenom,
      nom: utilisateur.nom,
      dateDisponibilite: candidature.dateDisponibilite,
    })
    .from(miseEnRelation)
    .innerJoin(candidature, eq(candidature.id, miseEnRelation.candidatureId))
    .innerJoin(utilisateur, eq(utilisateur.id, candidature.utilisateurId))
    .where(
      and(
        eq(miseEnRelation.structureId, structureId),
        eq(miseEnRelation.statut, "preselectionnee"),
      ),
    );
}
