/** Timing of one benchmark: the optimised path and the naive baseline, measured in the same run. */
export type ResultatBench = {
  mesures: number[];
  mesuresBase: number[];
  identique: boolean;
  /** Facts worth printing with the line (throughput, errors…). */
  details?: string;
};

export async function chronometrer(fois: number, fn: () => Promise<unknown>): Promise<number[]> {
  const durees: number[] = [];
  for (let i = 0; i < fois; i++) {
    const debut = performance.now();
    await fn();
    durees.push(performance.now() - debut);
  }
  return durees;
}

export function centile(valeurs: number[], p: number): number {
  const tri = [...valeurs].sort((a, b) => a - b);
  return tri[Math.min(tri.length - 1, Math.ceil((p / 100) * tri.length) - 1)] ?? Number.NaN;
}

/** The one line every benchmark ends with. */
export function ligneResultat(nom: string, r: ResultatBench): string {
  const p50 = centile(r.mesures, 50);
  const p99 = centile(r.mesures, 99);
  const base = centile(r.mesuresBase, 50);
  return `${nom}: p50=${p50.toFixed(2)}ms p99=${p99.toFixed(2)}ms baseline_p50=${base.toFixed(2)}ms ratio=${(base / p50).toFixed(1)}x identical=${r.identique ? "yes" : "no"}${r.details ? ` ${r.details}` : ""}`;
}
