/**
 * `npm test`: the whole suite once; then, only if every failure is a test file whose process the
 * watchdog ended because PGlite never returned (src/server/test/veille-boucle.ts, ADR 016), those
 * files again (at most three more times), said loudly. Any other failure fails the run as it is. Arguments go to vitest;
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

/** Files the watchdog stopped during the last run. */
const figees = (): string[] =>
  existsSync(registre)
    ? [...new Set(readFileSync(registre, "utf8").split("\n").filter(Boolean))]
    : [];

// PGlite hangs in about one run in ten of some files (ADR 016): a file stopped again on its
// rerun is run again, up to three times, so one hang does not decide the suite.
const ESSAIS = 3;
let code = vitest(args);
let courant = lire();
for (let essai = 1; essai <= ESSAIS && code !== 0 && courant; essai++) {
  const arretes = figees();
  const autres = courant.testResults.filter(
    (r) => r.status !== "passed" && !arretes.includes(r.name),
  );
  if (arretes.length === 0 || autres.length > 0) break;
  const noms = arretes.map((f) => relative(process.cwd(), f));
  console.error(
    `\nPGlite est resté bloqué (ADR 016) dans : ${noms.join(", ")}. Nouvel essai (${essai} sur ${ESSAIS}).\n`,
  );
  rmSync(registre, { force: true });
  const options = args.filter((a) => a.startsWith("-") && !a.startsWith("--project"));
  code = vitest([...options, ...noms]);
  const suivant = lire();
  if (!suivant) break;
  courant = fusionner(courant, suivant, arretes);
  writeFileSync(rapport, JSON.stringify(courant));
}
rmSync(dossier, { recursive: true, force: true });
process.exit(code);

/** A run's report with the rerun files' results in place of their earlier ones. */
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
