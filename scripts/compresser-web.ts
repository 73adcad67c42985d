/**
 * Writes a brotli and a gzip copy next to each text file of the built web app, once at build
 * time, so the server sends them as they are (no compression per request). Files that do not
 * shrink by a tenth are left alone.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const DOSSIER = process.argv[2] ?? "dist/web";
const TEXTES = /\.(js|mjs|css|html|svg|json|geojson|webmanifest|txt|map)$/;
const TAILLE_MINIMALE = 1024;

const enBrotli = promisify(brotliCompress);
const enGzip = promisify(gzip);

async function fichiers(dossier: string): Promise<string[]> {
  const entrees = await readdir(dossier, { withFileTypes: true });
  const listes = await Promise.all(
    entrees.map((e) =>
      e.isDirectory() ? fichiers(join(dossier, e.name)) : Promise.resolve([join(dossier, e.name)]),
    ),
  );
  return listes.flat();
}

const debut = performance.now();
const textes = (await fichiers(DOSSIER)).filter((f) => TEXTES.test(f));
let avant = 0;
let apres = 0;
await Promise.all(
  textes.map(async (f) => {
    if ((await stat(f)).size < TAILLE_MINIMALE) return;
    const brut = await readFile(f);
    const [br, gz] = await Promise.all([
      enBrotli(brut, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: brut.length,
        },
      }),
      enGzip(brut, { level: 9 }),
    ]);
    if (br.length > brut.length * 0.9) return;
    await Promise.all([writeFile(`${f}.br`, br), writeFile(`${f}.gz`, gz)]);
    avant += brut.length;
    apres += br.length;
  }),
);
console.log(
  `Compression : ${(avant / 1e6).toFixed(1)} Mo → ${(apres / 1e6).toFixed(1)} Mo en brotli, ${Math.round(performance.now() - debut)} ms`,
);
