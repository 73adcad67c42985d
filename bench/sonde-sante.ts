export {};

/**
 * Run in its own process (its clock is not the server's event loop): asks each path given after
 * the base URL in turn, one request at a time, every 20 ms, until told to stop, then sends back
 * every latency in ms, per path.
 */
const [url, ...chemins] = process.argv.slice(2);
const latences: Record<string, number[]> = Object.fromEntries(chemins.map((c) => [c, []]));
let continuer = true;
process.on("message", () => {
  continuer = false;
});
while (continuer) {
  for (const chemin of chemins) {
    const debut = performance.now();
    const r = await fetch(`${url}${chemin}`);
    await r.arrayBuffer();
    latences[chemin]!.push(performance.now() - debut);
  }
  await new Promise((ok) => setTimeout(ok, 20));
}
process.send?.(latences, () => process.exit(0));
