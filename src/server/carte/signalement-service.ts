import { and, eq, isNull } from "drizzle-orm";
import { introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import type { Db } from "../db/client.ts";
import { lieu, lieuConseiller, signalementLieu, utilisateur } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";

/**
 * Records an error reported on a public place's page and tells the conseillers who work there,
 * in one transaction; the mails' ids are returned for delivery after the commit.
 */
export async function signalerErreurLieu(
  db: Db,
  messagerie: Messagerie,
  params: {
    lieuId: string;
    message: string;
    courriel: string;
    acteur: Acteur;
    urlPublique: string;
  },
): Promise<Resultat<{ id: string; mails: string[] }>> {
  return db.transaction(async (tx) => {
    const [l] = await tx
      .select({ id: lieu.id, nom: lieu.nom })
      .from(lieu)
      .where(and(eq(lieu.id, params.lieuId), eq(lieu.visibleCarte, true)));
    if (!l) return introuvable("Ce lieu n'existe pas ou n'est plus public.", "");
    const [s] = await tx
      .insert(signalementLieu)
      .values({ lieuId: params.lieuId, message: params.message, courriel: params.courriel || null })
      .returning({ id: signalementLieu.id });
    await journaliser(tx, params.acteur, {
      action: "lieu.erreur_signalee",
      cibleType: "lieu",
      cibleId: params.lieuId,
      apres: { signalement: s!.id },
    });
    // The conseillers who work there keep their place's page true.
    const presents = await tx
      .select({ email: utilisateur.email })
      .from(lieuConseiller)
      .innerJoin(utilisateur, eq(utilisateur.id, lieuConseiller.conseillerId))
      .where(
        and(
          eq(lieuConseiller.lieuId, params.lieuId),
          isNull(lieuConseiller.fin),
          eq(utilisateur.actif, true),
        ),
      );
    const mails = await messagerie.mettreEnFileEnLot(
      tx,
      presents.map((p) => ({
        destinataire: p.email,
        objet: `Erreur signalée sur la fiche « ${l.nom} »`,
        modele: "lieu.erreur_signalee",
        texte: `Bonjour,\n\nUne personne a signalé une erreur sur la fiche publique de « ${l.nom} » :\n\n${params.message}\n\n${params.courriel ? `Elle peut être recontactée à ${params.courriel}.\n\n` : ""}Corrigez la fiche depuis « Mes lieux d'activité » : ${params.urlPublique}/espace/conseiller/lieux\n\nL'équipe Conseillers numériques France Services`,
      })),
    );
    return reussite({ id: s!.id, mails });
  });
}
