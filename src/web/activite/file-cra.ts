import { type DBSchema, openDB } from "idb";
import type { SaisieCra } from "../../domain/cra/cra.ts";
import type { Erreur } from "../../domain/erreurs.ts";
import { ErreurApi } from "../api.ts";
import type { EtatCra } from "./saisie-cra.ts";

/**
 * A report saved on the device while the network was down (docs/domaine/cra.md §8): kept until
 * the server has it, with the id made here so that sending it twice is still one report.
 */
export type CraEnAttente = {
  id: string;
  /** Whose it is: another person signing in on the same device never sees nor sends it. */
  conseillerId: string;
  saisie: SaisieCra & { id: string };
  /** The form as it stood, named persons included: what a correction opens on. */
  etat: EtatCra;
  /** When it was saved on the device (ISO instant). */
  enregistreLe: string;
  /** What the server said when it refused it: kept to be corrected or dropped. */
  refus: Erreur[] | null;
};

interface BaseHorsLigne extends DBSchema {
  "cra-en-attente": { key: string; value: CraEnAttente; indexes: { conseiller: string } };
}

const base = () =>
  openDB<BaseHorsLigne>("cnfs-hors-ligne", 1, {
    upgrade(db) {
      db.createObjectStore("cra-en-attente", { keyPath: "id" }).createIndex(
        "conseiller",
        "conseillerId",
      );
    },
  });

/** Saves (or replaces, once corrected) a report waiting for the network. */
export async function mettreEnFile(c: CraEnAttente): Promise<void> {
  await (await base()).put("cra-en-attente", c);
}

/** The conseiller's reports waiting on this device, oldest first. */
export async function craEnAttente(conseillerId: string): Promise<CraEnAttente[]> {
  const tous = await (await base()).getAllFromIndex("cra-en-attente", "conseiller", conseillerId);
  return tous.sort((a, b) => a.enregistreLe.localeCompare(b.enregistreLe));
}

export async function retirerDeLaFile(id: string): Promise<void> {
  await (await base()).delete("cra-en-attente", id);
}

/** A failure that says nothing about the report: no network, or no session any more. */
const passager = (e: unknown) =>
  e instanceof ErreurApi && (e.statut === 0 || e.statut === 401 || e.statut >= 500);

export type BilanEnvoi = { envoyes: number; refuses: number; injoignable: boolean };

/**
 * Sends the conseiller's waiting reports, oldest first, each by its own id: one the server
 * already has answers as the same report, so a send cut halfway is simply sent again. A refusal
 * stays in the file with the server's words; no network stops the round, to try again later.
 * Refused ones wait to be corrected: sending them unchanged would be refused again.
 */
export async function envoyerFile(
  conseillerId: string,
  envoyer: (saisie: CraEnAttente["saisie"]) => Promise<unknown>,
): Promise<BilanEnvoi> {
  const bilan: BilanEnvoi = { envoyes: 0, refuses: 0, injoignable: false };
  for (const c of await craEnAttente(conseillerId)) {
    if (c.refus) continue;
    try {
      await envoyer(c.saisie);
      await retirerDeLaFile(c.id);
      bilan.envoyes++;
    } catch (e) {
      if (passager(e) || !(e instanceof ErreurApi)) {
        bilan.injoignable = true;
        break;
      }
      await mettreEnFile({ ...c, refus: e.erreurs });
      bilan.refuses++;
    }
  }
  return bilan;
}
