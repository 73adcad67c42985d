import { randomBytes } from "node:crypto";
import { inArray } from "drizzle-orm";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import type { Db } from "../db/client.ts";
import { avisPrefet, demandePostes, sessionComite, structure, utilisateur } from "../db/schema.ts";
import { lireTableur } from "../http/fichier-tableur.ts";
import { acteurSysteme } from "../infra/journal.ts";
import { creerMessagerie } from "../infra/messagerie.ts";
import { importerDecisions } from "../selection/index.ts";

export type StructureSeed = {
  nom: string;
  siret: string;
  typeJuridique: string;
  secteur: string;
  communeCode: string;
  departementCode: string;
  regionCode: string;
};

/** One granted line of the committee's file, and who proposed it (none: a national agreement). */
export type DecisionSeed = { siret: string; postes: number; prefet: string | null };

/** The committee's decisions as its file says them: `siret;decision;postes;coselec`. */
function fichierDecisions(decisions: readonly DecisionSeed[], session: number): string {
  return `siret;decision;postes;coselec\n${decisions
    .map((d) => `${d.siret};Validation COSELEC;${d.postes};COSELEC ${session}`)
    .join("\n")}\n`;
}

/**
 * A seed as it happened: the structures apply, the préfet gives a favourable opinion (not for a
 * national agreement), the committee sits; then its decision file goes through the operators'
 * import, in its own transaction like an upload. Nothing is counted anywhere but in the rows.
 */
export async function deposerEtDecider(
  db: Db,
  params: {
    maintenant: Date;
    session: number;
    nouvelles: readonly StructureSeed[];
    decisions: readonly DecisionSeed[];
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (params.nouvelles.length > 0) await tx.insert(structure).values([...params.nouvelles]);
    const structures = await tx
      .select({ id: structure.id, siret: structure.siret })
      .from(structure)
      .where(
        inArray(
          structure.siret,
          params.decisions.map((d) => d.siret),
        ),
      );
    const prefets = await tx
      .select({ id: utilisateur.id, email: utilisateur.email })
      .from(utilisateur)
      .where(
        inArray(utilisateur.email, [
          ...new Set(params.decisions.flatMap((d) => (d.prefet ? [d.prefet] : []))),
        ]),
      );
    const demandes = await tx
      .insert(demandePostes)
      .values(
        structures.map((s) => ({
          structureId: s.id,
          nature: "initiale" as const,
          statut: "deposee" as const,
          postesDemandes: params.decisions.find((d) => d.siret === s.siret)!.postes,
          motivation: "Candidature à l'appel à manifestation d'intérêt de 2021.",
        })),
      )
      .returning({ id: demandePostes.id, structureId: demandePostes.structureId });
    const avis = demandes.flatMap((d) => {
      const siret = structures.find((s) => s.id === d.structureId)!.siret;
      const prefet = params.decisions.find((x) => x.siret === siret)!.prefet;
      const auteur = prefets.find((p) => p.email === prefet);
      return auteur
        ? [
            {
              demandeId: d.id,
              avis: "favorable" as const,
              commentaire: "Proposé par la préfecture au titre de la programmation territoriale.",
              auteurId: auteur.id,
            },
          ]
        : [];
    });
    if (avis.length > 0) await tx.insert(avisPrefet).values(avis);
    await tx.insert(sessionComite).values({
      numero: params.session,
      date: ajouterJours(jourParis(params.maintenant), -14),
    });
  });
  const messagerie = creerMessagerie({
    db,
    smtpUrl: undefined,
    expediteur: "demo@conseiller-numerique.gouv.fr",
    log: { info: () => {}, error: () => {} },
    texteDansLeJournal: false,
    // Delivered at once to a silent log: the key is never needed again.
    cle: randomBytes(32),
    horloge: () => params.maintenant,
  });
  const { rapport, courriels } = await importerDecisions(db, messagerie, {
    brutes: await lireTableur(
      Buffer.from(fichierDecisions(params.decisions, params.session)),
      "csv",
    ),
    appliquer: true,
    acteur: acteurSysteme("job:demo", "cli"),
    maintenant: params.maintenant,
    urlPublique: "http://localhost:3000",
  });
  if (!rapport.applique)
    throw new Error(`Décisions rejetées : ${JSON.stringify(rapport.rejetees.slice(0, 5))}`);
  await messagerie.distribuer(courriels);
}
