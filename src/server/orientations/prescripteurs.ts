import { sql } from "drizzle-orm";
import type { z } from "zod";
import { echec, interdit, type Resultat } from "../../domain/erreurs.ts";
import type { invitationPrescripteurSchema } from "../../domain/orientations/api.ts";
import { type PorteurDePerimetre, predicatPerimetre } from "../access/index.ts";
import { type Db, lignes } from "../db/client.ts";
import type { Acteur } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { inviterUtilisateur } from "../utilisateurs/index.ts";

export const HORS_PERIMETRE = "Ce département n'est pas dans votre périmètre.";

/**
 * A hub invites a prescripteur for a département of its scope, the ANCT for any
 * (docs/domaine/orientations.md §1): the platform's one invitation, journaled there.
 */
export async function inviterPrescripteur(
  db: Db,
  messagerie: Messagerie,
  p: {
    connexion: PorteurDePerimetre;
    saisie: z.output<typeof invitationPrescripteurSchema>;
    acteur: Acteur;
    maintenant: Date;
    urlPublique: string;
  },
): Promise<Resultat<{ utilisateurId: string; habilitationId: string; courriels: string[] }>> {
  const { departement, ...personne } = p.saisie;
  const dansLePerimetre = predicatPerimetre(p.connexion, {
    departement: sql`d.code`,
    region: sql`d.region_code`,
  });
  const [d] = await lignes<{ dedans: boolean }>(
    db,
    sql`select ${dansLePerimetre} as dedans from departement d where d.code = ${departement}`,
  );
  if (!d) return echec("departement", "Ce département n'existe pas.");
  if (!d.dedans) return interdit(HORS_PERIMETRE, "departement");
  return inviterUtilisateur(db, messagerie, {
    invitation: {
      ...personne,
      role: "prescripteur",
      perimetre: { type: "departement", code: departement },
    },
    acteur: p.acteur,
    maintenant: p.maintenant,
    urlPublique: p.urlPublique,
  });
}
