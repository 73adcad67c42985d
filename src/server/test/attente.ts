/**
 * Polls until `condition` holds or `delaiMs` has passed (what another process or the queue does
 * happens on its own time); says whether it held.
 */
export async function attendre(
  condition: () => boolean | Promise<boolean>,
  delaiMs: number,
  pasMs = 200,
): Promise<boolean> {
  const fin = performance.now() + delaiMs;
  for (;;) {
    if (await condition()) return true;
    if (performance.now() >= fin) return false;
    await new Promise((ok) => setTimeout(ok, pasMs));
  }
}
