import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { NatureJeton } from "../../domain/connexion.ts";
import { ajouterMs } from "../../domain/temps.ts";
import type { Executeur } from "../db/client.ts";
import { jeton } from "../db/schema.ts";
import { empreinte, jetonAleatoire } from "../infra/secrets.ts";

export type { NatureJeton };

/** Creates a single-use token; only its hash is stored (docs/securite.md, règle 9). Returns the clear value for the link. */
export async function creerJeton(
  tx: Executeur,
  params: {
    nature: NatureJeton;
    utilisateurId: string;
    email: string;
    maintenant: Date;
    dureeMs: number;
  },
): Promise<string> {
  const valeur = jetonAleatoire();
  await tx.insert(jeton).values({
    hash: empreinte(valeur),
    nature: params.nature,
    utilisateurId: params.utilisateurId,
    email: params.email,
    creeLe: params.maintenant,
    expireLe: ajouterMs(params.maintenant, params.dureeMs),
  });
  return valeur;
}

/**
 * Marks the token used and returns its owner, in one statement so that two clicks racing on
 * the same link cannot both succeed.
 */
export async function consommerJeton(
  tx: Executeur,
  params: { valeur: string; nature: NatureJeton; maintenant: Date },
): Promise<string | null> {
  const [ligne] = await tx
    .update(jeton)
    .set({ utiliseLe: params.maintenant })
    .where(
      and(
        eq(jeton.hash, empreinte(params.valeur)),
        eq(jeton.nature, params.nature),
        isNull(jeton.utiliseLe),
        gt(jeton.expireLe, params.maintenant),
      ),
    )
    .returning({ utilisateurId: jeton.utilisateurId });
  return ligne?.utilisateurId ?? null;
}

export async function jetonsRecents(
  tx: Executeur,
  params: { email: string; nature: NatureJeton; depuis: Date },
): Promise<number> {
  const [ligne] = await tx
    .select({ n: count() })
    .from(jeton)
    .where(
      and(
        eq(jeton.email, params.email),
        eq(jeton.nature, params.nature),
        gt(jeton.creeLe, params.depuis),
      ),
    );
  return ligne?.n ?? 0;
}
