/**
 * `npm test`: the whole suite once; then, only if every failure is a test file whose process the
 * watchdog ended because PGlite never returned (src/server/test/veille-boucle.ts, ADR 016), those
 * files once more, said loudly. Any other failure fails the run as it is. Arguments go to vitest;
 * a JSON report asked for with `--outputFile=…` receives the merged result of both runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

type Resultat = { name: string; status: string; assertionResults: { status: string }[] };
type Rapport = {
  success: boolean;
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: Resultat[];
};

const dossier = mkdtempSync(join(tmpdir(), "cnfs-tests-"));
const registre = join(dossier, "boucles-figees.txt");

// The caller's JSON report, if any, else ours: the report says which files failed.
const args = process.argv.slice(2);
const demande = args.find((a) => /^--outputFile(\.json)?=/.test(a))?.split("=")[1];
const rapport = demande ?? join(dossier, "rapport.json");
const reporters = args.some((a) => a.startsWith("--reporter"))
  ? []
  : ["--reporter=default", "--reporter=json", `--outputFile.json=${rapport}`];

function vitest(extra: string[]): number {
  const r = spawnSync("npx", ["vitest", "run", ...reporters, ...extra], {
    stdio: "inherit",
    env: { ...process.env, REGISTRE_BOUCLES_FIGEES: registre },
  });
  return r.status ?? 1;
}

const lire = (): Rapport | null =>
  existsSync(rapport) ? (JSON.parse(readFileSync(rapport, "utf8")) as Rapport) : null;

let code = vitest(args);
const figees = existsSync(registre)
  ? [...new Set(readFileSync(registre, "utf8").split("\n").filter(Boolean))]
  : [];
const premier = lire();
if (code !== 0 && figees.length > 0 && premier) {
  const autres = premier.testResults.filter(
    (r) => r.status !== "passed" && !figees.includes(r.name),
  );
  if (autres.length === 0) {
    const noms = figees.map((f) => relative(process.cwd(), f));
    console.error(
      `\nPGlite est resté bloqué (ADR 016) dans : ${noms.join(", ")}. Nouvel essai, une fois.\n`,
    );
    rmSync(registre, { force: true });
    const options = args.filter((a) => a.startsWith("-") && !a.startsWith("--project"));
    code = vitest([...options, ...noms]);
    const second = lire();
    if (second) writeFileSync(rapport, JSON.stringify(fusionner(premier, second, figees)));
  }
}
rmSync(dossier, { recursive: true, force: true });
process.exit(code);

/** The first run's report with the rerun files' results in place of their first ones. */
function fusionner(premier: Rapport, second: Rapport, rejoues: string[]): Rapport {
  const testResults = [
    ...premier.testResults.filter((r) => !rejoues.includes(r.name)),
    ...second.testResults,
  ];
  const tests = testResults.flatMap((r) => r.assertionResults);
  const compte = (statut: string) => tests.filter((t) => t.status === statut).length;
  return {
    ...second,
    numTotalTests: tests.length,
    numPassedTests: compte("passed"),
    numFailedTests: compte("failed"),
    numPendingTests: compte("pending") + compte("skipped"),
    testResults,
  };
}
