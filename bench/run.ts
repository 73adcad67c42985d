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
const module = (await import(`./${nom}.bench.ts`)) as { default: () => Promise<ResultatBench> };
const resultat = await module.default();
console.log(ligneResultat(nom, resultat));
process.exit(resultat.identique ? 0 : 1);
