import { and, eq, isNull, lt } from "drizzle-orm";
import { fermerSession, ouvrirSession } from "../access/index.ts";
import type { Db } from "../db/client.ts";
import { transactionOidc, utilisateur } from "../db/schema.ts";
import { acteurSysteme, journaliser } from "../infra/journal.ts";
import type { IdentiteProConnect } from "../infra/proconnect.ts";
import { empreinte } from "../infra/secrets.ts";
import { consignerConnexion } from "./journal-connexion.ts";

const DUREE_TRANSACTION_MS = 10 * 60 * 1000;

export async function memoriserTransaction(
  db: Db,
  params: { cle: string; state: string; nonce: string; maintenant: Date },
): Promise<void> {
  await db
    .delete(transactionOidc)
    .where(
      lt(transactionOidc.creeLe, new Date(params.maintenant.getTime() - DUREE_TRANSACTION_MS)),
    );
  await db.insert(transactionOidc).values({
    cleHash: empreinte(params.cle),
    state: params.state,
    nonce: params.nonce,
    creeLe: params.maintenant,
  });
}

/** Takes the transaction out of the store: a callback can only be played once. */
export async function reprendreTransaction(
  db: Db,
  cle: string,
  maintenant: Date,
): Promise<{ state: string; nonce: string } | null> {
  const [t] = await db
    .delete(transactionOidc)
    .where(eq(transactionOidc.cleHash, empreinte(cle)))
    .returning();
  if (!t || maintenant.getTime() - t.creeLe.getTime() > DUREE_TRANSACTION_MS) return null;
  return { state: t.state, nonce: t.nonce };
}

/**
 * Matches the identity on `sub`; at the first sign-in only, binds `sub` to the account invited
 * with the same e-mail (docs/securite.md, règle 6). Afterwards a changed e-mail does not lock the user out.
 */
export async function connecterProConnect(
  db: Db,
  params: {
    identite: IdentiteProConnect;
    ip: string | null;
    maintenant: Date;
    ancienneSession: string | null;
  },
): Promise<{ cookie: string; utilisateurId: string } | null> {
  const { identite } = params;
  const resultat = await db.transaction(async (tx) => {
    let [u] = await tx
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.proconnectSub, identite.sub));
    if (!u) {
      const [invite] = await tx
        .update(utilisateur)
        .set({ proconnectSub: identite.sub })
        .where(
          and(
            eq(utilisateur.email, identite.email),
            isNull(utilisateur.proconnectSub),
            eq(utilisateur.actif, true),
          ),
        )
        .returning();
      if (invite) {
        await journaliser(
          tx,
          { ...acteurSysteme("utilisateur", "web"), utilisateurId: invite.id },
          {
            action: "utilisateur.proconnect_lie",
            cibleType: "utilisateur",
            cibleId: invite.id,
            avant: { proconnectSub: null },
            apres: { proconnectSub: identite.sub },
          },
        );
      }
      u = invite;
    }
    if (!u?.actif) return null;
    if (params.ancienneSession) await fermerSession(tx, params.ancienneSession);
    const cookie = await ouvrirSession(tx, {
      utilisateurId: u.id,
      methode: "proconnect",
      idToken: identite.idToken,
      maintenant: params.maintenant,
    });
    await consignerConnexion(tx, {
      le: params.maintenant,
      methode: "proconnect",
      reussite: true,
      ip: params.ip,
      email: identite.email,
      proconnectSub: identite.sub,
      utilisateurId: u.id,
    });
    return { cookie, utilisateurId: u.id };
  });
  if (!resultat) {
    await consignerConnexion(db, {
      le: params.maintenant,
      methode: "proconnect",
      reussite: false,
      ip: params.ip,
      email: identite.email,
      proconnectSub: identite.sub,
      motifEchec: "aucun compte actif",
    });
  }
  return resultat;
}
