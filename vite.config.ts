import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/**
 * The web app is installable and works without a network for what a conseiller does in the
 * field (docs/domaine/cra.md §8, ADR 026): the app shell and the DSFR are precached, the pages
 * fall back to the shell, and the few answers the CRA form needs are kept from the last visit.
 */
const pwa = VitePWA({
  // Registered by the app itself (src/web/socle/hors-ligne.ts), on the built app only.
  injectRegister: null,
  registerType: "autoUpdate",
  manifest: {
    name: "Conseillers numériques France Services",
    short_name: "Conseillers numériques",
    description: "Plateforme nationale du dispositif Conseillers numériques France Services",
    lang: "fr",
    start_url: "/espace",
    scope: "/",
    display: "standalone",
    // DSFR « bleu France » and the page's white.
    theme_color: "#000091",
    background_color: "#ffffff",
    icons: [
      { src: "/dsfr/favicon/android-chrome-192x192.png", sizes: "192x192", type: "image/png" },
      { src: "/dsfr/favicon/android-chrome-512x512.png", sizes: "512x512", type: "image/png" },
      { src: "/dsfr/favicon/favicon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  },
  workbox: {
    globPatterns: [
      "index.html",
      "assets/**/*.{js,css,woff2}",
      "dsfr/dsfr.min.css",
      "dsfr/utility/icons/icons.min.css",
      "dsfr/fonts/*.woff2",
      "dsfr/icons/**/*.svg",
      "dsfr/favicon/*",
    ],
    // The map and the charts are not field work: read online only (1.7 MB less to install).
    globIgnores: ["assets/CarteInteractive-*", "assets/maplibre-*", "assets/GraphiqueBarres-*"],
    // Pages come from the network; without one, from the shell. /api and the embeddable map
    // (framed by other sites, with its own headers) never come from the shell.
    navigateFallback: null,
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [
      {
        urlPattern: ({ request, url }) =>
          request.mode === "navigate" &&
          !url.pathname.startsWith("/api/") &&
          !url.pathname.startsWith("/integration/"),
        handler: "NetworkOnly",
        options: { precacheFallback: { fallbackURL: "index.html" } },
      },
      {
        // What the CRA form and its list read: the session, the places, the recent reports.
        // Personal data: this cache is emptied at sign-out (src/web/socle/hors-ligne.ts).
        urlPattern: ({ url, request }) =>
          request.method === "GET" &&
          /^\/api\/(session|conseiller\/lieux|cra(\/[0-9a-f-]{36})?)$/.test(url.pathname),
        handler: "NetworkFirst",
        options: {
          cacheName: "cnfs-hors-ligne-api",
          networkTimeoutSeconds: 5,
          expiration: { maxEntries: 60 },
        },
      },
    ],
  },
});

export default defineConfig({
  plugins: [react(), pwa],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
