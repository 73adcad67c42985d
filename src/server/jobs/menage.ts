import { lt, or } from "drizzle-orm";
import { DUREE_INVITATION_MS } from "../../domain/temps.ts";
import type { ReglesSession } from "../auth/sessions.ts";
import type { Executeur } from "../db/client.ts";
import { jeton, session, transactionOidc } from "../db/schema.ts";
import { purgerCvExpires } from "../recrutement/cv-service.ts";

const DUREE_TRANSACTION_OIDC_MS = 10 * 60 * 1000;

export type BilanMenage = {
  sessions: number;
  jetons: number;
  transactionsOidc: number;
  cvs: number;
};

/**
 * Removes what has expired: sessions past their idle or absolute limit, OIDC transactions left
 * unfinished, tokens 28 days after their expiry (securite-rgpd §2.2) and CVs six months after
 * their upload. Plain deletes of
 * expired rows: running it on several instances at once is harmless.
 */
export async function faireLeMenage(
  db: Executeur,
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
  return {
    cvs,
    sessions: sessions.length,
    jetons: jetons.length,
    transactionsOidc: transactions.length,
  };
}
