/**
 * Builds the web app only when what it is built from changed since the last build: `npm start`
 * then starts in seconds on a machine that already built it. The fingerprint covers the web and
 * domain sources, the static files, the build configuration and the locked dependencies.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SORTIE = "dist/web";
const EMPREINTE = join(SORTIE, ".empreinte");
const SOURCES = [
  "src/web",
  "src/domain",
  "public",
  "index.html",
  "vite.config.ts",
  "package-lock.json",
  "scripts/compresser-web.ts",
];
// Copied from node_modules by the build itself: the lock file already stands for it.
const IGNORES = new Set(["public/dsfr"]);

function fichiers(chemin: string): string[] {
  if (IGNORES.has(chemin) || chemin.includes(".react-dsfr") || !existsSync(chemin)) return [];
  if (!statSync(chemin).isDirectory()) return [chemin];
  return readdirSync(chemin)
    .sort()
    .flatMap((nom) => fichiers(join(chemin, nom)));
}

const empreinte = createHash("sha256");
for (const f of SOURCES.flatMap(fichiers)) {
  empreinte.update(f).update("\0").update(readFileSync(f)).update("\0");
}
const actuelle = empreinte.digest("hex");
const construite = existsSync(EMPREINTE) ? readFileSync(EMPREINTE, "utf8").trim() : "";
if (construite === actuelle && existsSync(join(SORTIE, "index.html"))) {
  console.log("Application web déjà construite et à jour.");
} else {
  const r = spawnSync("npm", ["run", "build:web"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(EMPREINTE, `${actuelle}\n`);
}
