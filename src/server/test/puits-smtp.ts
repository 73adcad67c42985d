import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type MessageRecu = { destinataire: string; objet: string; texte: string };

/** A real SMTP server on a free local port that keeps what it receives. */
export async function demarrerPuitsSmtp() {
  const recus: MessageRecu[] = [];
  const serveur = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(flux, session, fin) {
      simpleParser(flux)
        .then((m) => {
          recus.push({
            destinataire: session.envelope.rcptTo.map((r) => r.address).join(","),
            objet: m.subject ?? "",
            texte: m.text ?? "",
          });
          fin();
        })
        .catch(fin);
    },
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  const port = (serveur.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    recus,
    arreter: () => new Promise<void>((ok) => serveur.close(() => ok())),
  };
}

export function lienDans(texte: string): string {
  const m = texte.match(/https?:\/\/\S+/);
  if (!m) throw new Error(`Aucun lien dans le message : ${texte}`);
  return m[0];
}
