import { Worker } from "node:worker_threads";
import { beforeEach, expect } from "vitest";

/**
 * Watchdog of each test process's event loop (a vitest setup file).
 *
 * PGlite runs PostgreSQL synchronously on the JavaScript thread. Rarely (about one run in five
 * of the hostile-input walk), a query never returns: the thread spins at 100 % CPU inside
 * PostgreSQL's error reporting (`errfinish`, stack read with the inspector), so no timer —
 * vitest's test timeout included — can ever fire, and the whole run waits until the CI kills
 * it. See docs/adr/016-veille-des-tests.md. A second thread watches a heartbeat the test thread
 * writes every second; after `VEILLE_SECONDES` without one it names the frozen test, records
 * its file for `scripts/tester.ts` (which runs that file once more and says so), and ends the
 * process, so vitest reports the file as failed at once.
 */
const SECONDES = Number(process.env.VEILLE_SECONDES ?? 90);

// A process that runs several files loads this once per file: one watchdog is enough.
const globale = globalThis as { veilleBoucle?: true };

if (!globale.veilleBoucle && SECONDES > 0) {
  globale.veilleBoucle = true;
  const partage = new SharedArrayBuffer(4);
  const battement = new Int32Array(partage);
  // Seconds since this setup, on the same clock in both threads.
  const origine = Date.now();
  const maintenant = () => Math.floor((Date.now() - origine) / 1000);
  Atomics.store(battement, 0, maintenant());
  setInterval(() => Atomics.store(battement, 0, maintenant()), 1000).unref();
  const nomPartage = new SharedArrayBuffer(2048);
  const nom = new Uint8Array(nomPartage);
  const ecrireNom = (texte: string) => {
    const octets = new TextEncoder().encode(texte.slice(0, 600));
    nom.fill(0);
    nom.set(octets.subarray(0, nom.length - 1));
  };
  beforeEach(() => {
    const etat = expect.getState();
    ecrireNom(`${etat.testPath ?? ""}\n${etat.currentTestName ?? ""}`);
  });
  // The watching thread shares no module with the tests: its code is a plain string.
  const gardien = new Worker(
    `const { workerData } = require("node:worker_threads");
     const { writeSync, appendFileSync } = require("node:fs");
     const battement = new Int32Array(workerData.partage);
     const nom = new Uint8Array(workerData.nomPartage);
     setInterval(() => {
       const maintenant = Math.floor((Date.now() - workerData.origine) / 1000);
       if (maintenant - Atomics.load(battement, 0) < workerData.secondes) return;
       const [fichier, test] = new TextDecoder().decode(nom).replace(/\\0+$/, "").split("\\n");
       writeSync(2, "\\nBoucle d'événements figée depuis " + workerData.secondes + " s (requête PGlite sans retour) : "
         + (test || "hors test") + " — " + (fichier || "fichier inconnu") + ". Processus arrêté.\\n");
       if (workerData.registre && fichier) appendFileSync(workerData.registre, fichier + "\\n");
       process.kill(process.pid, "SIGKILL");
     }, 5000);`,
    {
      eval: true,
      workerData: {
        partage,
        nomPartage,
        secondes: SECONDES,
        origine,
        registre: process.env.REGISTRE_BOUCLES_FIGEES ?? "",
      },
    },
  );
  gardien.unref();
}
