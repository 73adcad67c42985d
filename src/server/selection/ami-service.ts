import { and, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { enConflit, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import {
  type Ami as SaisieAmi,
  type StatutAmi,
  transitionAmi,
} from "../../domain/selection/ami.ts";
import type { Db, Executeur } from "../db/client.ts";
import { ami } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";

type Ami = typeof ami.$inferSelect;

/** The calls open to applications on a given day (Paris). */
export function amisOuverts(db: Executeur, aujourdhui: string): Promise<Ami[]> {
  return db
    .select()
    .from(ami)
    .where(
      and(
        eq(ami.statut, "ouvert"),
        lte(ami.ouverture, aujourdhui),
        or(isNull(ami.cloture), gte(ami.cloture, aujourdhui)),
      ),
    )
    .orderBy(ami.ouverture);
}

export function tousLesAmis(db: Executeur): Promise<Ami[]> {
  return db.select().from(ami).orderBy(desc(ami.ouverture));
}

/** Prepares a call, as a draft, journaled with it. */
export function creerAmi(db: Db, saisie: SaisieAmi, acteur: Acteur): Promise<Ami> {
  return db.transaction(async (tx) => {
    const [ligne] = await tx.insert(ami).values(saisie).returning();
    await journaliser(tx, acteur, {
      action: "ami.cree",
      cibleType: "ami",
      cibleId: ligne!.id,
      apres: saisie,
    });
    return ligne!;
  });
}

/** Opens or closes a call when its current status allows it (docs/domaine/programme.md §4). */
export function changerStatutAmi(
  db: Db,
  params: { id: string; vers: "ouvert" | "clos"; acteur: Acteur },
): Promise<Resultat<Ami>> {
  return db.transaction(async (tx) => {
    const [actuel] = await tx.select().from(ami).where(eq(ami.id, params.id)).for("update");
    if (!actuel) return introuvable("Cet appel n'existe pas.");
    const t = transitionAmi(actuel.statut as StatutAmi, params.vers);
    if (!t.ok) return enConflit(t);
    const [apres] = await tx
      .update(ami)
      .set({ statut: t.valeur })
      .where(eq(ami.id, actuel.id))
      .returning();
    await journaliser(tx, params.acteur, {
      action: `ami.${params.vers}`,
      cibleType: "ami",
      cibleId: actuel.id,
      avant: { statut: actuel.statut },
      apres: { statut: t.valeur },
    });
    return reussite(apres!);
  });
}
