import { desc, eq } from "drizzle-orm";
import type { Executeur } from "../db/client.ts";
import { certification, formation, organismeFormation } from "../db/schema.ts";

export function organismesFormation(db: Executeur) {
  return db.select().from(organismeFormation).orderBy(organismeFormation.nom);
}

/** A conseiller's training, with its organisation's name, and exam attempts, latest first. */
export async function formationDe(db: Executeur, utilisateurId: string) {
  const [f] = await db
    .select({ formation, organisme: organismeFormation.nom })
    .from(formation)
    .leftJoin(organismeFormation, eq(organismeFormation.id, formation.organismeFormationId))
    .where(eq(formation.utilisateurId, utilisateurId));
  const certifications = await db
    .select()
    .from(certification)
    .where(eq(certification.utilisateurId, utilisateurId))
    .orderBy(desc(certification.creeLe));
  return { formation: f ? { ...f.formation, organisme: f.organisme } : null, certifications };
}
