import type { FastifyInstance } from "fastify";
import {
  contientUnCaractereDeControle,
  MESSAGE_CARACTERE_DE_CONTROLE,
} from "../../domain/champs.ts";
import { LIMITES_ARCHIVE } from "../infra/archive-zip.ts";
import { ErreurMetier } from "./erreurs.ts";

/** Deeper than any form of the platform: a deeper body is a probe, not a user's input. */
export const PROFONDEUR_MAX = 20;

/** Request sizes, enforced here and by Fastify, and stated in the OpenAPI document. */
export const LIMITES_REQUETE = {
  /** A JSON body. */
  corpsOctets: 1_048_576,
  /** A CSV or XLSX file sent as the body of an import. */
  fichierOctets: 5 * 1_048_576,
  /** The path and its query string. */
  adresseCaracteres: 8_192,
} as const;

const mio = (octets: number) => octets / 1_048_576;

export const DESCRIPTION_LIMITES = `Limites : un corps JSON de ${mio(LIMITES_REQUETE.corpsOctets)} Mio au plus (un fichier CSV ou XLSX : ${mio(LIMITES_REQUETE.fichierOctets)} Mio, et ${mio(LIMITES_ARCHIVE.octetsDecompresses)} Mio une fois décompressé), une adresse (chemin et paramètres) de ${LIMITES_REQUETE.adresseCaracteres} caractères au plus, une imbrication de ${PROFONDEUR_MAX} niveaux au plus ; aucun texte ne peut contenir de caractère nul ou de contrôle. Au-delà : 413, 414 ou 400 avec un message en français.`;

type Trouvaille = { champ: string; message: string } | undefined;

/**
 * Walks a parsed body, query or path without recursion (a hostile nesting cannot blow the
 * stack) and returns the first value no form could have sent.
 */
function premiereValeurRefusee(racine: unknown, prefixe: string): Trouvaille {
  const pile: { valeur: unknown; chemin: string; profondeur: number }[] = [
    { valeur: racine, chemin: prefixe, profondeur: 0 },
  ];
  while (pile.length > 0) {
    const { valeur, chemin, profondeur } = pile.pop()!;
    if (typeof valeur === "string") {
      if (contientUnCaractereDeControle(valeur, true))
        return { champ: chemin, message: MESSAGE_CARACTERE_DE_CONTROLE };
      continue;
    }
    if (valeur === null || typeof valeur !== "object" || Buffer.isBuffer(valeur)) continue;
    if (profondeur >= PROFONDEUR_MAX)
      return { champ: chemin, message: "La requête est trop imbriquée pour être lue." };
    for (const [cle, v] of Object.entries(valeur)) {
      const sous = chemin ? `${chemin}.${cle}` : cle;
      if (contientUnCaractereDeControle(cle, false))
        return { champ: chemin, message: MESSAGE_CARACTERE_DE_CONTROLE };
      pile.push({ valeur: v, chemin: sous, profondeur: profondeur + 1 });
    }
  }
  return undefined;
}

/**
 * Before any route schema: no request reaches a handler with a NUL or control character (which
 * PostgreSQL refuses or a screen would hide) or an absurd nesting. Each field's own schema says
 * more (one line or several); this is the net under all of them, so that such input is a 400 in
 * French and never a 500.
 */
export function installerControleEntrees(app: FastifyInstance): void {
  app.addHook("onRequest", async (requete) => {
    if (requete.url.length > LIMITES_REQUETE.adresseCaracteres)
      throw new ErreurMetier(414, [
        { champ: "", message: "L'adresse de la requête est trop longue : réduisez les filtres." },
      ]);
  });
  app.addHook("preValidation", async (requete) => {
    const trouvaille =
      premiereValeurRefusee(requete.params, "") ??
      premiereValeurRefusee(requete.query, "") ??
      premiereValeurRefusee(requete.body, "");
    if (trouvaille) throw new ErreurMetier(400, [trouvaille]);
  });
}
