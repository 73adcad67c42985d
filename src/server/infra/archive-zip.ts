import { inflateRawSync } from "node:zlib";

/** What an office file may hold once unpacked: far above any real import, far below a bomb. */
export const LIMITES_ARCHIVE = {
  entrees: 1_000,
  octetsDecompresses: 100 * 1024 * 1024,
} as const;

/** An archive refused for what it would become once unpacked (a 413, not a bad format). */
export class ArchiveRefusee extends Error {}

const SIGNATURE_FIN = 0x06054b50;
const SIGNATURE_CENTRALE = 0x02014b50;
const SIGNATURE_LOCALE = 0x04034b50;

type Entree = {
  nom: string;
  methode: number;
  compresse: number;
  decompresse: number;
  offset: number;
};

/** The central directory of a ZIP, read from its end record (no ZIP64: an office file never needs it). */
function repertoire(zip: Buffer): Entree[] {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  let fin = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === SIGNATURE_FIN) {
      fin = i;
      break;
    }
  }
  if (fin < 0) throw new Error("Ce fichier n'est pas un classeur XLSX valide.");
  const nombre = zip.readUInt16LE(fin + 10);
  if (nombre > LIMITES_ARCHIVE.entrees)
    throw new ArchiveRefusee(`Ce classeur contient ${nombre} fichiers internes : c'est trop.`);
  const entrees: Entree[] = [];
  let p = zip.readUInt32LE(fin + 16);
  for (let n = 0; n < nombre; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== SIGNATURE_CENTRALE)
      throw new Error("Ce fichier n'est pas un classeur XLSX valide.");
    const longueurNom = zip.readUInt16LE(p + 28);
    entrees.push({
      methode: zip.readUInt16LE(p + 10),
      compresse: zip.readUInt32LE(p + 20),
      decompresse: zip.readUInt32LE(p + 24),
      offset: zip.readUInt32LE(p + 42),
      nom: zip.toString("utf8", p + 46, p + 46 + longueurNom),
    });
    p += 46 + longueurNom + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entrees;
}

/**
 * Refuses an archive that would unpack beyond the limits, before any parser sees it: first by
 * the sizes it declares, then by inflating each entry with an output cap equal to its declared
 * size (a file that lies about its sizes is caught too). Memory stays bounded by the limits.
 */
export function verifierArchive(zip: Buffer): void {
  const entrees = repertoire(zip);
  const total = entrees.reduce((t, e) => t + e.decompresse, 0);
  if (total > LIMITES_ARCHIVE.octetsDecompresses)
    throw new ArchiveRefusee(
      `Ce classeur occuperait ${Math.round(total / 1_048_576)} Mo une fois ouvert (${LIMITES_ARCHIVE.octetsDecompresses / 1_048_576} Mo au plus).`,
    );
  for (const e of entrees) {
    if (e.methode === 0) continue;
    if (e.methode !== 8) throw new Error("Ce classeur utilise une compression inconnue.");
    if (zip.readUInt32LE(e.offset) !== SIGNATURE_LOCALE)
      throw new Error("Ce fichier n'est pas un classeur XLSX valide.");
    const debut = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
    try {
      inflateRawSync(zip.subarray(debut, debut + e.compresse), {
        maxOutputLength: Math.max(1, e.decompresse),
      });
    } catch {
      throw new ArchiveRefusee(
        "Ce classeur est plus volumineux une fois ouvert qu'il ne l'annonce : il est refusé.",
      );
    }
  }
}
