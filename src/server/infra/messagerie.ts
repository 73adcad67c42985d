import { and, eq, inArray } from "drizzle-orm";
import nodemailer from "nodemailer";
import { contientUnJeton, masquerJetons } from "../../domain/notifications/courriels.ts";
import type { Db, Executeur } from "../db/client.ts";
import { courriel } from "../db/schema.ts";
import { chiffrer, dechiffrer } from "./chiffrement.ts";

export type Courriel = {
  destinataire: string;
  objet: string;
  texte: string;
  modele: string;
};

type Journaliseur = {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

export type Messagerie = {
  /** Writes the mail in the outbox inside the caller's transaction: no mail for a rolled-back change. */
  mettreEnFile: (tx: Executeur, mail: Courriel) => Promise<string>;
  /** The same for many mails at once (imports): multi-row inserts. */
  mettreEnFileEnLot: (tx: Executeur, mails: Courriel[]) => Promise<string[]>;
  /**
   * Delivers queued mails after commit: over SMTP when configured, otherwise to the log. A mail
   * already delivered is not sent again. Beside a worker (`livraison`), the worker delivers and
   * this does nothing.
   */
  distribuer: (ids: string[]) => Promise<void>;
  /** Delivers without holding the caller (imports); `fermer` waits for these to finish. */
  distribuerEnArrierePlan: (ids: string[]) => void;
  fermer: () => Promise<void>;
};

export function creerMessagerie(options: {
  db: Db;
  smtpUrl: string | undefined;
  expediteur: string;
  log: Journaliseur;
  /** Outside production, the text (and its sign-in link) goes to the log so a developer can click it. */
  texteDansLeJournal: boolean;
  /** Key of the bodies that carry a live link while they wait (AES-256, 32 bytes). */
  cle: Buffer;
  horloge: () => Date;
  /**
   * Beside a worker: asks for the delivery of the mails inside the transaction that writes them
   * (the queue's job commits or rolls back with them), instead of delivering after commit here.
   */
  livraison?: (tx: Executeur, ids: string[]) => Promise<void>;
}): Messagerie {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  const enCours = new Set<Promise<void>>();
  // A live link never rests in clear: the row keeps the masked text, the real one is encrypted
  // until delivery, then erased (a token read from a backup or a dump signs nobody in).
  const ligneDe = (mail: Courriel) => ({
    ...mail,
    texte: masquerJetons(mail.texte),
    texteChiffre: contientUnJeton(mail.texte)
      ? chiffrer(options.cle, Buffer.from(mail.texte, "utf8"))
      : null,
    creeLe: options.horloge(),
  });
  const texteReel = (mail: { texte: string; texteChiffre: Buffer | null }) =>
    mail.texteChiffre ? dechiffrer(options.cle, mail.texteChiffre).toString("utf8") : mail.texte;
  return {
    async mettreEnFile(tx, mail) {
      const [ligne] = await tx
        .insert(courriel)
        .values(ligneDe(mail))
        .returning({ id: courriel.id });
      await options.livraison?.(tx, [ligne!.id]);
      return ligne!.id;
    },
    async mettreEnFileEnLot(tx, mails) {
      const ids: string[] = [];
      for (let i = 0; i < mails.length; i += 2_000) {
        const lignes = await tx
          .insert(courriel)
          .values(mails.slice(i, i + 2_000).map(ligneDe))
          .returning({ id: courriel.id });
        ids.push(...lignes.map((l) => l.id));
      }
      await options.livraison?.(tx, ids);
      return ids;
    },
    async distribuer(ids) {
      if (ids.length === 0 || options.livraison) return;
      const mails = await options.db
        .select()
        .from(courriel)
        .where(and(inArray(courriel.id, ids), inArray(courriel.statut, ["en_attente", "echec"])));
      for (const mail of mails) {
        const texte = texteReel(mail);
        if (!transport) {
          options.log.info(
            {
              courriel: mail.id,
              destinataire: mail.destinataire,
              objet: mail.objet,
              ...(options.texteDansLeJournal ? { texte } : {}),
            },
            "Courriel non envoyé (pas de SMTP_URL) : consigné dans la boîte d'envoi",
          );
          await options.db
            .update(courriel)
            .set({
              statut: "journalise",
              tentatives: mail.tentatives + 1,
              envoyeLe: options.horloge(),
              texteChiffre: null,
            })
            .where(eq(courriel.id, mail.id));
          continue;
        }
        try {
          await transport.sendMail({
            from: options.expediteur,
            to: mail.destinataire,
            subject: mail.objet,
            text: texte,
          });
          await options.db
            .update(courriel)
            .set({
              statut: "envoye",
              tentatives: mail.tentatives + 1,
              envoyeLe: options.horloge(),
              texteChiffre: null,
            })
            .where(eq(courriel.id, mail.id));
        } catch (erreur) {
          options.log.error({ courriel: mail.id, err: erreur }, "Échec d'envoi d'un courriel");
          await options.db
            .update(courriel)
            .set({ statut: "echec", tentatives: mail.tentatives + 1, erreur: String(erreur) })
            .where(eq(courriel.id, mail.id));
        }
      }
    },
    distribuerEnArrierePlan(ids) {
      const envoi = this.distribuer(ids)
        .catch((erreur) =>
          options.log.error({ err: erreur }, "Échec de la distribution en arrière-plan"),
        )
        .finally(() => enCours.delete(envoi));
      enCours.add(envoi);
    },
    async fermer() {
      await Promise.all(enCours);
      transport?.close();
    },
  };
}
