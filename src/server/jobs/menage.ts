import { lt, or, sql } from "drizzle-orm";
import { CONSERVATION } from "../../domain/conservation.ts";
import { ajouterMois, DUREE_INVITATION_MS, jourParis } from "../../domain/temps.ts";
import type { ReglesSession } from "../access/index.ts";
import { type Db, lignes } from "../db/client.ts";
import {
  courriel,
  jeton,
  journalConnexion,
  session,
  signalementLieu,
  transactionOidc,
} from "../db/schema.ts";
import { acteurSysteme } from "../infra/journal.ts";
import { purgerCvExpires, supprimerCandidature } from "../recrutement/index.ts";

/** Inactive applications erased per pass: each is its own transaction, the job stays short. */
const CANDIDATURES_PAR_PASSAGE = 100;

/** The start (Paris day, as UTC midnight) of the day `mois` months before: retention counts days. */
function moisAvant(maintenant: Date, mois: number): Date {
  return new Date(`${ajouterMois(jourParis(maintenant), -mois)}T00:00:00Z`);
}

const DUREE_TRANSACTION_OIDC_MS = 10 * 60 * 1000;

export type BilanMenage = {
  sessions: number;
  jetons: number;
  transactionsOidc: number;
  cvs: number;
  connexions: number;
  courriels: number;
  signalements: number;
  candidatures: number;
};

/**
 * Removes what has expired: sessions past their idle or absolute limit, OIDC transactions left
 * unfinished, tokens 28 days after their expiry, then applies the retention table of
 * `domain/conservation.ts`: CVs, the sign-in journal, mails, error reports, and applications left
 * without a sign-in or an update (erased as their owner would). Deletes of expired rows, and
 * erasures that skip what is already erased: running it on several instances at once is harmless.
 */
export async function faireLeMenage(
  db: Db,
  maintenant: Date,
  regles: ReglesSession,
): Promise<BilanMenage> {
  const avant = (ms: number) => new Date(maintenant.getTime() - ms);
  const sessions = await db
    .delete(session)
    .where(
      or(
        lt(session.derniereActivite, avant(regles.inactiviteMs)),
        lt(session.creeLe, avant(regles.absolueMs)),
      ),
    )
    .returning({ id: session.idHash });
  const jetons = await db
    .delete(jeton)
    .where(lt(jeton.expireLe, avant(DUREE_INVITATION_MS)))
    .returning({ id: jeton.hash });
  const transactions = await db
    .delete(transactionOidc)
    .where(lt(transactionOidc.creeLe, avant(DUREE_TRANSACTION_OIDC_MS)))
    .returning({ id: transactionOidc.cleHash });
  const cvs = await purgerCvExpires(db, maintenant);
  const connexions = await db
    .delete(journalConnexion)
    .where(lt(journalConnexion.le, moisAvant(maintenant, CONSERVATION.journalConnexions.mois)))
    .returning({ id: journalConnexion.id });
  const courriels = await db
    .delete(courriel)
    .where(lt(courriel.creeLe, avant(CONSERVATION.courriels.jours * 86_400_000)))
    .returning({ id: courriel.id });
  const signalements = await db
    .delete(signalementLieu)
    .where(lt(signalementLieu.creeLe, moisAvant(maintenant, CONSERVATION.signalementsLieux.mois)))
    .returning({ id: signalementLieu.id });
  const inactives = await lignes<{ utilisateur_id: string }>(
    db,
    sql`select k.utilisateur_id from candidature k join utilisateur u on u.id = k.utilisateur_id
        where k.statut in ('en_attente_confirmation', 'disponible', 'indisponible')
          and greatest(k.modifie_le, coalesce(u.derniere_connexion_le, k.modifie_le))
              < ${moisAvant(maintenant, CONSERVATION.candidatInactif.mois).toISOString()}::timestamptz
        limit ${CANDIDATURES_PAR_PASSAGE}`,
  );
  let candidatures = 0;
  for (const { utilisateur_id } of inactives) {
    const r = await supprimerCandidature(db, {
      utilisateurId: utilisateur_id,
      acteur: acteurSysteme("job:menage", "job"),
      maintenant,
    });
    if (r.ok) candidatures++;
  }
  return {
    cvs,
    connexions: connexions.length,
    courriels: courriels.length,
    signalements: signalements.length,
    candidatures,
    sessions: sessions.length,
    jetons: jetons.length,
    transactionsOidc: transactions.length,
  };
}
