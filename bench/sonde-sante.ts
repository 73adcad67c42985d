export {};

/**
 * Run in its own process (its clock is not the server's event loop): asks `/api/sante` every
 * 20 ms, one request at a time, until told to stop, then sends back every latency in ms.
 */
const url = process.argv[2];
const latences: number[] = [];
let continuer = true;
process.on("message", () => {
  continuer = false;
});
while (continuer) {
  const debut = performance.now();
  const r = await fetch(`${url}/api/sante`);
  await r.arrayBuffer();
  latences.push(performance.now() - debut);
  await new Promise((ok) => setTimeout(ok, 20));
}
process.send?.(latences, () => process.exit(0));
