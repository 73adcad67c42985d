import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";

/**
 * The production build of the server: TypeScript compiled to JavaScript in `dist/` (relative
 * imports rewritten to `.js`), and beside it the files the server reads at run time (migrations,
 * the communes' points). Production then starts with plain `node`, without tsx.
 */
for (const dossier of ["dist/server", "dist/domain", "dist/cli"])
  rmSync(dossier, { recursive: true, force: true });
execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
for (const dossier of ["server/db/migrations", "server/referentiel/donnees"])
  cpSync(`src/${dossier}`, `dist/${dossier}`, { recursive: true });
console.log("Serveur compilé dans dist/ (node dist/server/main.js)");
