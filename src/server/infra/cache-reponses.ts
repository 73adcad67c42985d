import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

const enBrotli = promisify(brotliCompress);
const enGzip = promisify(gzip);

/** An answer kept serialised and compressed once, sent as bytes to every request that asks. */
export type ReponseEnCache = { brut: Buffer; br: Buffer; gzip: Buffer; etag: string };

/**
 * Answers that are the same for everyone (the public map's counts and points), kept a short
 * while and dropped at once when a place changes on this instance. Another instance's change is
 * seen within `dureeMs`, the staleness the HTTP cache headers already allow. Concurrent misses
 * of one key share one computation.
 */
export class CacheReponses {
  private readonly entrees = new Map<string, { expire: number; valeur: Promise<ReponseEnCache> }>();

  constructor(
    private readonly dureeMs: number,
    private readonly max: number,
  ) {}

  obtenir(cle: string, calculer: () => Promise<unknown>): Promise<ReponseEnCache> {
    const maintenant = performance.now();
    const trouvee = this.entrees.get(cle);
    if (trouvee && trouvee.expire > maintenant) {
      // Most recently used last: the oldest key is the first one dropped.
      this.entrees.delete(cle);
      this.entrees.set(cle, trouvee);
      return trouvee.valeur;
    }
    const valeur = calculer().then(preparer);
    const entree = { expire: maintenant + this.dureeMs, valeur };
    this.entrees.set(cle, entree);
    // A failed computation is not kept: the next request tries again.
    valeur.catch(() => {
      if (this.entrees.get(cle) === entree) this.entrees.delete(cle);
    });
    while (this.entrees.size > this.max) {
      const plusAncienne = this.entrees.keys().next().value as string;
      this.entrees.delete(plusAncienne);
    }
    return valeur;
  }

  vider(): void {
    this.entrees.clear();
  }
}

async function preparer(donnees: unknown): Promise<ReponseEnCache> {
  const brut = Buffer.from(JSON.stringify(donnees));
  const [br, gz] = await Promise.all([
    enBrotli(brut, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_SIZE_HINT]: brut.length,
      },
    }),
    enGzip(brut, { level: 6 }),
  ]);
  const etag = `"${createHash("sha1").update(brut).digest("base64url")}"`;
  return { brut, br, gzip: gz, etag };
}

/** Sends a cached answer in the best encoding the client accepts, or 304 when it has it. */
export function envoyerEnCache(
  requete: FastifyRequest,
  reponse: FastifyReply,
  entree: ReponseEnCache,
): FastifyReply {
  reponse.header("vary", "accept-encoding");
  reponse.header("etag", entree.etag);
  if (requete.headers["if-none-match"] === entree.etag) return reponse.status(304).send();
  reponse.type("application/json; charset=utf-8");
  const acceptees = String(requete.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(acceptees)) {
    reponse.header("content-encoding", "br");
    return reponse.send(entree.br);
  }
  if (/\bgzip\b/.test(acceptees)) {
    reponse.header("content-encoding", "gzip");
    return reponse.send(entree.gzip);
  }
  return reponse.send(entree.brut);
}
