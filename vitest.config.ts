import { defineConfig } from "vitest/config";

// Two projects: `unit` (domain and server, no browser, no web build) for fast feedback, `e2e`
// (Chromium journeys on the built web app). `npm test` runs both.
export default defineConfig({
  test: {
    globalSetup: ["src/server/test/preparation-globale.ts"],
    setupFiles: ["src/server/test/veille-boucle.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          // A browser on a loaded machine (CI runs two workers beside the servers) may take
          // more than the default second to show an answer: polls wait up to 5 s.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
