import { sql } from "drizzle-orm";
import { TENTATIVES_COURRIEL_MAX } from "../../domain/notifications/courriels.ts";
import { type Db, lignes } from "../db/client.ts";
import type { Messagerie } from "../infra/messagerie.ts";

const LOT = 50;

/**
 * Sends again the mails that failed, or that stayed waiting (an instance stopped between the
 * commit and the send; 10 minutes of grace for a batch still sending): each claimed row gets its next attempt time first (10 minutes per
 * attempt made), so that another instance skips it (`for update skip locked`), then the
 * messagerie sends it and records the outcome.
 */
export async function reprendreCourriels(
  db: Db,
  messagerie: Messagerie,
  maintenant: Date,
): Promise<number> {
  const pris = await lignes<{ id: string }>(
    db,
    sql`update courriel set prochaine_tentative_le =
          ${maintenant.toISOString()}::timestamptz + (tentatives + 1) * interval '10 minutes'
        where id in (
          select id from courriel
          where statut in ('echec', 'en_attente') and tentatives < ${TENTATIVES_COURRIEL_MAX}
            and coalesce(prochaine_tentative_le, cree_le + interval '10 minutes')
                <= ${maintenant.toISOString()}::timestamptz
          order by cree_le
          limit ${LOT}
          for update skip locked)
        returning id`,
  );
  await messagerie.distribuer(pris.map((p) => p.id));
  return pris.length;
}
