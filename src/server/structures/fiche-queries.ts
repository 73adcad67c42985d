import { and, desc, eq, sql } from "drizzle-orm";
import { introuvable, reussite } from "../../domain/erreurs.ts";
import type { TypeJuridique } from "../../domain/selection/structure.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import { commune, demandePostes, poste, structure } from "../db/schema.ts";
import { historiqueDesCibles } from "../journal/index.ts";
import { colonnesPerimetreStructure } from "./queries.ts";

/**
 * A structure of the scope with its requests, its posts and its last 200 journal entries, dated
 * and attributed; another's is « introuvable », as if it did not exist.
 */
export async function ficheStructure(db: Executeur, connexion: SessionChargee, id: string) {
  const [s] = await db
    .select({
      structure: {
        id: structure.id,
        nom: structure.nom,
        siret: structure.siret,
        // Checked against the domain's list on write.
        typeJuridique: sql<TypeJuridique>`${structure.typeJuridique}`,
        secteur: structure.secteur,
        adresse: structure.adresse,
        departementCode: structure.departementCode,
      },
      commune: commune.nom,
    })
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
    .select({
      id: poste.id,
      coordinateur: poste.coordinateur,
      dateAttribution: poste.dateAttribution,
      dateLimiteRecrutement: poste.dateLimiteRecrutement,
      statut: poste.statut,
    })
    .from(poste)
    .where(eq(poste.structureId, s.structure.id))
    .orderBy(poste.dateAttribution);
  const cibles = [s.structure.id, ...demandes.map((d) => d.id)];
  const historique = await historiqueDesCibles(db, 200, [
    { type: "structure", ids: [s.structure.id] },
    { type: "demande_postes", ids: cibles },
  ]);
  return reussite({
    structure: { ...s.structure, commune: s.commune },
    demandes,
    postes,
    historique,
  });
}
