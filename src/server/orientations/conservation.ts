import { and, inArray, isNull, lte } from "drizzle-orm";
import { CONSERVATION } from "../../domain/conservation.ts";
import { ajouterMois, instantParis, jourParis } from "../../domain/temps.ts";
import type { Db } from "../db/client.ts";
import { orientation } from "../db/schema.ts";
import { acteurSysteme, journaliserEnLot } from "../infra/journal.ts";

/**
 * The orientations' care (docs/domaine/orientations.md §6): one left unanswered for 3 months
 * ends « sans suite »; 3 months after an orientation ends, the person's contact is erased. One
 * statement each, and a journal line per orientation that never names the person.
 */
export async function soignerOrientations(
  db: Db,
  p: { maintenant: Date },
): Promise<{ sansSuite: number; effacees: number }> {
  const limite = instantParis(
    ajouterMois(jourParis(p.maintenant), -CONSERVATION.orientation.mois),
    "00:00",
  );
  return db.transaction(async (tx) => {
    const closes = await tx
      .update(orientation)
      .set({ statut: "sans_suite", finLe: p.maintenant, modifieLe: p.maintenant })
      .where(
        and(
          inArray(orientation.statut, ["a_traiter", "acceptee"]),
          lte(orientation.modifieLe, limite),
        ),
      )
      .returning({ id: orientation.id });
    const effacees = await tx
      .update(orientation)
      .set({
        prenom: null,
        nom: null,
        email: null,
        telephone: null,
        precisions: null,
        contactEffaceLe: p.maintenant,
      })
      .where(and(isNull(orientation.contactEffaceLe), lte(orientation.finLe, limite)))
      .returning({ id: orientation.id });
    const acteur = acteurSysteme("job:orientations", "job");
    await journaliserEnLot(tx, acteur, [
      ...closes.map(({ id }) => ({
        action: "orientation.sans_suite",
        cibleType: "orientation",
        cibleId: id,
        apres: { statut: "sans_suite" },
      })),
      ...effacees.map(({ id }) => ({
        action: "orientation.contact_efface",
        cibleType: "orientation",
        cibleId: id,
        apres: { motif: "conservation" },
      })),
    ]);
    return { sansSuite: closes.length, effacees: effacees.length };
  });
}
