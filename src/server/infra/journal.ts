import type { FastifyRequest } from "fastify";
import type { Executeur } from "../db/client.ts";
import { journal } from "../db/schema.ts";

/** Who made a change: a signed-in user, a job or an import. */
export type Acteur = {
  utilisateurId: string | null;
  habilitationId: string | null;
  role: string | null;
  auteur: string;
  requeteId: string | null;
  origine: "web" | "api" | "import" | "job" | "cli";
};

export type EntreeJournal = {
  action: string;
  cibleType: string;
  cibleId: string;
  avant?: unknown;
  apres?: unknown;
};

export function acteurDeRequete(requete: FastifyRequest): Acteur {
  const c = requete.connexion;
  return {
    utilisateurId: c?.utilisateur.id ?? null,
    habilitationId: c?.habilitation?.id ?? null,
    role: c?.habilitation?.role ?? null,
    auteur: c ? "utilisateur" : "anonyme",
    requeteId: requete.id,
    origine: "web",
  };
}

export function acteurSysteme(auteur: string, origine: Acteur["origine"]): Acteur {
  return {
    utilisateurId: null,
    habilitationId: null,
    role: null,
    auteur,
    requeteId: null,
    origine,
  };
}

/** Appends a line in the caller's transaction: the change and its trace commit together. */
export async function journaliser(
  tx: Executeur,
  acteur: Acteur,
  entree: EntreeJournal,
): Promise<void> {
  await tx.insert(journal).values({
    ...acteur,
    action: entree.action,
    cibleType: entree.cibleType,
    cibleId: entree.cibleId,
    avant: entree.avant ?? null,
    apres: entree.apres ?? null,
  });
}

/** Many lines of one action in one statement: a periodic task touching many rows at once. */
export async function journaliserEnLot(
  tx: Executeur,
  acteur: Acteur,
  entrees: readonly EntreeJournal[],
): Promise<void> {
  if (entrees.length === 0) return;
  await tx.insert(journal).values(
    entrees.map((e) => ({
      ...acteur,
      action: e.action,
      cibleType: e.cibleType,
      cibleId: e.cibleId,
      avant: e.avant ?? null,
      apres: e.apres ?? null,
    })),
  );
}
