import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executeur } from "../db/client.ts";
import { commune, lieu, lieuConseiller, utilisateur } from "../db/schema.ts";

/** The places a conseiller works in today, main place first. */
export function mesLieux(db: Executeur, conseillerId: string) {
  return db
    .select({
      id: lieu.id,
      nom: lieu.nom,
      adresse: lieu.adresse,
      codePostal: lieu.codePostal,
      commune: commune.nom,
      nature: lieuConseiller.nature,
      horaires: lieu.horaires,
      services: lieu.services,
      visibleCarte: lieu.visibleCarte,
    })
    .from(lieuConseiller)
    .innerJoin(lieu, eq(lieu.id, lieuConseiller.lieuId))
    .innerJoin(commune, eq(commune.code, lieu.communeCode))
    .where(and(eq(lieuConseiller.conseillerId, conseillerId), isNull(lieuConseiller.fin)))
    .orderBy(asc(lieuConseiller.nature), asc(lieu.nom));
}

/** Whether the public map shows the conseiller's name or « Anonyme ». */
export async function affichageCarte(db: Executeur, conseillerId: string) {
  const [u] = await db
    .select({ nomMasqueCarte: utilisateur.nomMasqueCarte })
    .from(utilisateur)
    .where(eq(utilisateur.id, conseillerId));
  return { nomMasqueCarte: u?.nomMasqueCarte ?? false };
}

export function masquerNomCarte(db: Executeur, conseillerId: string, nomMasqueCarte: boolean) {
  return db.update(utilisateur).set({ nomMasqueCarte }).where(eq(utilisateur.id, conseillerId));
}
