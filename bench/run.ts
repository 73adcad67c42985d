import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ligneResultat, type ResultatBench } from "./mesure.ts";

const dossier = fileURLToPath(new URL(".", import.meta.url));
const disponibles = readdirSync(dossier)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""));

const nom = process.argv[2];
if (!nom || !disponibles.includes(nom)) {
  console.error(
    `Usage : npm run bench -- <nom>\nBenchmarks disponibles : ${disponibles.join(", ")}`,
  );
  process.exit(2);
}
const module = (await import(`./${nom}.bench.ts`)) as {
  default: () => Promise<ResultatBench | Record<string, ResultatBench>>;
};
const resultat = await module.default();
// A bench may measure several cases on the same data: one line each.
const cas: [string, ResultatBench][] =
  "mesures" in resultat
    ? [[nom, resultat as ResultatBench]]
    : Object.entries(resultat as Record<string, ResultatBench>).map(([k, r]) => [`${nom}/${k}`, r]);
for (const [n, r] of cas) console.log(ligneResultat(n, r));
process.exit(cas.every(([, r]) => r.identique) ? 0 : 1);
