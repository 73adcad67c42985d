import { and, desc, eq, inArray, or } from "drizzle-orm";
import { introuvable, reussite } from "../../domain/erreurs.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import { commune, demandePostes, journal, poste, structure, utilisateur } from "../db/schema.ts";
import { colonnesPerimetreStructure } from "./queries.ts";

/**
 * A structure of the scope with its requests, its posts and its last 200 journal entries, dated
 * and attributed; another's is « introuvable », as if it did not exist.
 */
export async function ficheStructure(db: Executeur, connexion: SessionChargee, id: string) {
  const [s] = await db
    .select({ structure, commune: commune.nom })
    .from(structure)
    .innerJoin(commune, eq(commune.code, structure.communeCode))
    .where(and(eq(structure.id, id), predicatPerimetre(connexion, colonnesPerimetreStructure)));
  if (!s) {
    return introuvable("Cette structure n'existe pas ou n'est pas de votre périmètre.");
  }
  const demandes = await db
    .select({
      id: demandePostes.id,
      nature: demandePostes.nature,
      statut: demandePostes.statut,
      postesDemandes: demandePostes.postesDemandes,
      creeLe: demandePostes.creeLe,
    })
    .from(demandePostes)
    .where(eq(demandePostes.structureId, s.structure.id))
    .orderBy(desc(demandePostes.creeLe));
  const postes = await db
    .select()
    .from(poste)
    .where(eq(poste.structureId, s.structure.id))
    .orderBy(poste.dateAttribution);
  const cibles = [s.structure.id, ...demandes.map((d) => d.id)];
  const historique = await db
    .select({
      id: journal.id,
      le: journal.le,
      action: journal.action,
      cibleType: journal.cibleType,
      role: journal.role,
      auteur: journal.auteur,
      prenom: utilisateur.prenom,
      nom: utilisateur.nom,
      avant: journal.avant,
      apres: journal.apres,
    })
    .from(journal)
    .leftJoin(utilisateur, eq(utilisateur.id, journal.utilisateurId))
    .where(
      or(
        and(eq(journal.cibleType, "structure"), eq(journal.cibleId, s.structure.id)),
        and(eq(journal.cibleType, "demande_postes"), inArray(journal.cibleId, cibles)),
      ),
    )
    .orderBy(desc(journal.id))
    .limit(200);
  return reussite({
    structure: { ...s.structure, commune: s.commune },
    demandes,
    postes,
    historique,
  });
}
