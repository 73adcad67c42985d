import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const BIOME = join(process.cwd(), "node_modules/.bin/biome");
const dossier = mkdtempSync(join(tmpdir(), "cnfs-biome-"));
// The project's own configuration and plugins, on a copy that is not a git checkout.
const config = JSON.parse(readFileSync("biome.json", "utf8"));
config.vcs = { enabled: false };
config.$schema = undefined;
writeFileSync(join(dossier, "biome.json"), JSON.stringify(config));
cpSync("biome", join(dossier, "biome"), { recursive: true });

/** Biome's verdict on a text written at `chemin` under the project's configuration. */
function lint(chemin: string, texte: string) {
  mkdirSync(dirname(join(dossier, chemin)), { recursive: true });
  writeFileSync(join(dossier, chemin), texte);
  const r = spawnSync(BIOME, ["lint", "--max-diagnostics=50", chemin], {
    cwd: dossier,
    encoding: "utf8",
  });
  return { code: r.status, sortie: `${r.stdout}${r.stderr}` };
}

const route = (statut: number) => `import type { FastifyReply } from "fastify";

export function route(reponse: FastifyReply) {
  return reponse.status(${statut}).send({ erreurs: [] });
}
`;

describe("règles des fichiers de routes (Biome)", () => {
  afterAll(() => rmSync(dossier, { recursive: true, force: true }));

  it("refuse un statut 4xx posé ou levé par une route, même nouvelle, accepte un 2xx", () => {
    const refuse = lint("src/server/activite/cra-routes.ts", route(404));
    expect(refuse.code, refuse.sortie).not.toBe(0);
    expect(refuse.sortie).toContain("ne fixe pas elle-même un statut 4xx");
    const leve = lint(
      "src/server/carte/nouvelle-routes.ts",
      'import { ErreurMetier } from "./erreurs.ts";\n\nexport function f() {\n  throw new ErreurMetier(404, []);\n}\n',
    );
    expect(leve.code, leve.sortie).not.toBe(0);
    const accepte = lint("src/server/activite/cra-routes.ts", route(201));
    expect(accepte.code, accepte.sortie).toBe(0);
  }, 30_000);

  it("refuse qu'une route importe la base ou son schéma, pas qu'un fichier de requêtes le fasse", () => {
    const requete =
      'import { eq } from "drizzle-orm";\nimport { cra } from "../db/schema.ts";\n\nexport const x = [eq, cra];\n';
    const refuse = lint("src/server/activite/nouvelle-routes.ts", requete);
    expect(refuse.code, refuse.sortie).not.toBe(0);
    expect(refuse.sortie).toContain("Une route ne parle pas à la base");
    const schema = lint(
      "src/server/carte/routes.ts",
      'import { lieu } from "../db/schema/lieux.ts";\n\nexport const x = lieu;\n',
    );
    expect(schema.code, schema.sortie).not.toBe(0);
    const accepte = lint("src/server/activite/nouvelle-queries.ts", requete);
    expect(accepte.code, accepte.sortie).toBe(0);
  }, 30_000);

  it("refuse d'entrer dans un autre dossier ailleurs que par son index.ts, hors tests", () => {
    const interne =
      'import { compterMesCra } from "../activite/cra-queries.ts";\n\nexport const x = compterMesCra;\n';
    const refuse = lint("src/server/espaces/nouveau.ts", interne);
    expect(refuse.code, refuse.sortie).not.toBe(0);
    expect(refuse.sortie).toContain("porte d'entrée");
    // On a route file, both rules hold at once.
    const route404 = `${interne}${route(404)}`;
    const deux = lint("src/server/espaces/nouvelle-routes.ts", route404);
    expect(deux.sortie).toContain("porte d'entrée");
    expect(deux.sortie).toContain("ne fixe pas elle-même un statut 4xx");
    const parLaPorte = lint(
      "src/server/espaces/nouveau.ts",
      'import { compterMesCra } from "../activite/index.ts";\n\nexport const x = compterMesCra;\n',
    );
    expect(parLaPorte.code, parLaPorte.sortie).toBe(0);
    const test = lint("src/server/espaces/nouveau.test.ts", interne);
    expect(test.code, test.sortie).toBe(0);
  }, 30_000);
});
