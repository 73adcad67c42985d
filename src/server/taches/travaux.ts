import type PgBoss from "pg-boss";
import type { Executeur } from "../db/client.ts";

/**
 * One-off work a change causes: the delivery of the mails it wrote, the regeneration of open
 * data after its places changed. Asked inside the change's own transaction, so that the work
 * exists if and only if the change commits (ADR 021).
 */
export type Travail = { nom: "courriels"; ids: string[] } | { nom: "donnees-ouvertes" };

export type Travaux = {
  /**
   * `tx`: the change's transaction; `null` after a change already committed (the work is then
   * asked on the queue's own connection).
   */
  demander: (tx: Executeur | null, travail: Travail) => Promise<void>;
  /** Whether this process does the work itself (embedded mode) rather than a worker. */
  surPlace: boolean;
};

/** The queues of one-off work, created by the release beside the periodic tasks' queues. */
export const FILES_DE_TRAVAUX = ["courriels"] as const;

/**
 * Open data is regenerated at most once per slot of this length: a change finding a run
 * already made (or waiting) in its slot asks for one at the start of the next (pg-boss's
 * debounce), so the last change of a burst is always covered.
 */
const CRENEAU_DONNEES_OUVERTES_S = 10;

/**
 * pg-boss writes a job through whatever runs SQL: given the change's transaction, the job's
 * row is part of it (committed with it, gone with a rollback).
 */
function dansLaTransaction(tx: Executeur): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const requete = tx._.session.prepareQuery(
        { sql: text, params: values ?? [] },
        undefined,
        undefined,
        false,
      );
      return (await requete.execute()) as { rows: unknown[] };
    },
  } as PgBoss.Db;
}

/** The work asked to the queue, for the worker processes (server database). */
export function travauxEnFile(boss: PgBoss): Travaux {
  return {
    surPlace: false,
    demander: async (tx, travail) => {
      const db = tx ? { db: dansLaTransaction(tx) } : {};
      if (travail.nom === "courriels") {
        if (travail.ids.length > 0) await boss.send("courriels", { ids: travail.ids }, db);
        return;
      }
      await boss.sendDebounced(
        "donnees-ouvertes",
        {},
        db,
        CRENEAU_DONNEES_OUVERTES_S,
        "apres-changement",
      );
    },
  };
}

/**
 * The embedded mode's work: this process alone does it. Mails are delivered by the caller once
 * its transaction committed; open data is regenerated a moment after the first change of a
 * burst (a rolled-back change costs one regeneration for nothing, which changes nothing).
 */
export function travauxSurPlace(regenererDonneesOuvertes: () => void): Travaux {
  return {
    surPlace: true,
    demander: async (_tx, travail) => {
      if (travail.nom === "donnees-ouvertes") regenererDonneesOuvertes();
    },
  };
}
