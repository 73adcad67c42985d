import { once } from "node:events";
import { createDeflateRaw } from "node:zlib";

/** `octets` zero bytes, deflated as a stream (never held whole in memory). */
export async function zerosCompresses(octets: number): Promise<Buffer> {
  const flux = createDeflateRaw({ level: 9 });
  const morceaux: Buffer[] = [];
  flux.on("data", (m: Buffer) => morceaux.push(m));
  const bloc = Buffer.alloc(1024 * 1024);
  for (let reste = octets; reste > 0; reste -= bloc.length) {
    if (!flux.write(reste >= bloc.length ? bloc : bloc.subarray(0, reste)))
      await once(flux, "drain");
  }
  flux.end();
  await once(flux, "end");
  return Buffer.concat(morceaux);
}

/** A ZIP made of already deflated entries, each with the uncompressed size it claims. */
export function archiveZip(
  entrees: { nom: string; compresse: Buffer; decompresseAnnonce: number }[],
): Buffer {
  const locales: Buffer[] = [];
  const centrales: Buffer[] = [];
  let offset = 0;
  for (const e of entrees) {
    const nom = Buffer.from(e.nom, "utf8");
    const locale = Buffer.alloc(30);
    locale.writeUInt32LE(0x04034b50, 0);
    locale.writeUInt16LE(20, 4);
    locale.writeUInt16LE(8, 8);
    locale.writeUInt32LE(e.compresse.length, 18);
    locale.writeUInt32LE(e.decompresseAnnonce, 22);
    locale.writeUInt16LE(nom.length, 26);
    const centrale = Buffer.alloc(46);
    centrale.writeUInt32LE(0x02014b50, 0);
    centrale.writeUInt16LE(20, 4);
    centrale.writeUInt16LE(20, 6);
    centrale.writeUInt16LE(8, 10);
    centrale.writeUInt32LE(e.compresse.length, 20);
    centrale.writeUInt32LE(e.decompresseAnnonce, 24);
    centrale.writeUInt16LE(nom.length, 28);
    centrale.writeUInt32LE(offset, 42);
    locales.push(locale, nom, e.compresse);
    centrales.push(centrale, nom);
    offset += 30 + nom.length + e.compresse.length;
  }
  const repertoire = Buffer.concat(centrales);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(entrees.length, 8);
  fin.writeUInt16LE(entrees.length, 10);
  fin.writeUInt32LE(repertoire.length, 12);
  fin.writeUInt32LE(offset, 16);
  return Buffer.concat([...locales, repertoire, fin]);
}
