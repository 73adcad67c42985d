/**
 * The service worker of the built app (vite.config.ts): it keeps the app shell and the answers
 * the CRA form needs, so that a conseiller works without a network (docs/domaine/cra.md §8).
 */
export function installerHorsLigne(): void {
  // Vite serves no worker in development (a 404, refused); a browser without one works online.
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js").catch(() => undefined);
}

/** The cache of API answers kept for offline work (its name is the service worker's). */
const CACHE_DONNEES = "cnfs-hors-ligne-api";

/**
 * Forgets what the device kept of the person's data to work offline, at sign-out or once the
 * session is over. Reports saved offline and not yet sent stay: they are the conseiller's work.
 */
export async function oublierDonneesHorsLigne(): Promise<void> {
  if ("caches" in window) await caches.delete(CACHE_DONNEES);
}
