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

/**
 * Runs `fn` while sampling memory every 100 ms and once at its end: the peak above the start of
 * the live heap (a GC before each sample, `--expose-gc`) and of the whole process (buffers
 * outside the heap included).
 */
export async function avecMemoire<T>(fn: () => Promise<T>) {
  globalThis.gc?.();
  const depart = process.memoryUsage();
  let pic = depart.heapUsed;
  let picRss = depart.rss;
  const echantillon = () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    pic = Math.max(pic, m.heapUsed);
    picRss = Math.max(picRss, m.rss);
  };
  const sonde = setInterval(echantillon, 100);
  const debut = performance.now();
  try {
    const valeur = await fn();
    echantillon();
    return {
      valeur,
      duree: performance.now() - debut,
      picMo: (pic - depart.heapUsed) / 2 ** 20,
      picRssMo: (picRss - depart.rss) / 2 ** 20,
    };
  } finally {
    clearInterval(sonde);
  }
}
