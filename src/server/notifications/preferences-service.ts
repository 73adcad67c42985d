import { and, eq } from "drizzle-orm";
import { echec, type Resultat, reussite } from "../../domain/erreurs.ts";
import {
  CODES_DIGESTS,
  type CodeDigest,
  DIGESTS,
  digestsPour,
} from "../../domain/notifications/digests.ts";
import type { Role } from "../../domain/roles.ts";
import type { Db, Executeur } from "../db/client.ts";
import { habilitation, utilisateur } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";

/** The digests this person may receive (any of their active habilitations), with their choice. */
export async function preferences(tx: Executeur, utilisateurId: string) {
  const roles = await tx
    .selectDistinct({ role: habilitation.role })
    .from(habilitation)
    .where(and(eq(habilitation.utilisateurId, utilisateurId), eq(habilitation.actif, true)));
  const [u] = await tx
    .select({ refuses: utilisateur.digestsRefuses })
    .from(utilisateur)
    .where(eq(utilisateur.id, utilisateurId));
  return digestsPour(roles.map((r) => r.role as Role)).map((code) => ({
    code,
    libelle: DIGESTS[code].libelle,
    description: DIGESTS[code].description,
    actif: !(u?.refuses ?? []).includes(code),
  }));
}

/**
 * Keeps the digests a person chose to receive among those their habilitations offer; unknown
 * or foreign digests are refused and nothing changes.
 */
export function choisirRecapitulatifs(
  db: Db,
  params: { utilisateurId: string; actifs: Record<string, boolean>; acteur: Acteur },
): Promise<Resultat<Awaited<ReturnType<typeof preferences>>>> {
  return db.transaction(async (tx) => {
    const avant = await preferences(tx, params.utilisateurId);
    const possibles = new Set(avant.map((p) => p.code));
    const choix = params.actifs as Partial<Record<CodeDigest, boolean>>;
    const inconnus = Object.keys(choix).filter((c) => !(CODES_DIGESTS as string[]).includes(c));
    if (inconnus.length > 0) {
      return echec("actifs", `Récapitulatif inconnu : ${inconnus.join(", ")}.`);
    }
    const etrangers = Object.keys(choix).filter((c) => !possibles.has(c as CodeDigest));
    if (etrangers.length > 0) {
      return echec("actifs", "Ce récapitulatif ne concerne pas vos habilitations.");
    }
    const refuses = avant.filter((p) => (choix[p.code] ?? p.actif) === false).map((p) => p.code);
    await tx
      .update(utilisateur)
      .set({ digestsRefuses: refuses })
      .where(eq(utilisateur.id, params.utilisateurId));
    await journaliser(tx, params.acteur, {
      action: "utilisateur.notifications_modifiees",
      cibleType: "utilisateur",
      cibleId: params.utilisateurId,
      avant: { refuses: avant.filter((p) => !p.actif).map((p) => p.code) },
      apres: { refuses },
    });
    return reussite(await preferences(tx, params.utilisateurId));
  });
}
