import { sql } from "drizzle-orm";
import { CONSERVATION } from "../../domain/conservation.ts";
import { jourFr, quantite } from "../../domain/format.ts";
import { ajouterJours, ajouterMois, jourParis } from "../../domain/temps.ts";
import { type Db, lignes, tableauSql } from "../db/client.ts";
import { rappel } from "../db/schema.ts";
import { acteurSysteme, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";

const { mois: MOIS, preavisJours: PREAVIS } = CONSERVATION.personneSuivie;
const NATURE = "conservation_beneficiaire";

/** Persons deleted per transaction: the job stays short, the next pass takes the rest. */
const PAR_LOT = 500;

type Echue = { id: string; conseiller_id: string; email: string; echeance: string };

/**
 * The persons whose last accompaniment (or their recording, without one) is on or before
 * `limite`, with the day they are deleted; with `annonceLe`, only those whose conseiller was
 * told of that day on or before `annonceLe`. Recorded after `limite` means not concerned: the index on the recording date
 * keeps the daily pass off most of the table.
 */
const echues = (db: Db, limite: string, annonceLe: string | null) =>
  lignes<Echue>(
    db,
    sql`select b.id, b.conseiller_id, u.email, (d.derniere + ${`${MOIS} months`}::interval)::date::text as echeance
        from beneficiaire b join utilisateur u on u.id = b.conseiller_id,
        lateral (select greatest(
          (select max(c.date) from cra_beneficiaire cb join cra c on c.id = cb.cra_id
            where cb.beneficiaire_id = b.id),
          (b.cree_le at time zone 'Europe/Paris')::date) as derniere) d
        where b.cree_le < ((${limite}::date + 1)::timestamp at time zone 'Europe/Paris')
          and d.derniere <= ${limite}::date
          and (${annonceLe}::date is null or exists (select 1 from rappel r
            where r.nature = ${NATURE} and r.cible_id = b.id
              and r.echeance = (d.derniere + ${`${MOIS} months`}::interval)::date
              and r.envoye_le < ((${annonceLe}::date + 1)::timestamp at time zone 'Europe/Paris')))
        order by d.derniere, b.id`,
  );

/**
 * Applies the retention of followed persons (docs/domaine/beneficiaires.md §9): tells each
 * conseiller, once, which persons will be deleted within 30 days, then deletes those without
 * an accompaniment for 24 months whose conseiller was told at least 30 days before, journaled
 * as the system's. A notice missed (the job stopped) is sent late and pushes the deletion back:
 * nobody is deleted unannounced. Safe on several instances: the
 * notice is taken through the `rappel` unique key, a delete of a deleted row deletes nothing.
 */
export async function conserverPersonnesSuivies(
  db: Db,
  messagerie: Messagerie,
  p: { maintenant: Date; urlPublique: string },
): Promise<{ prevenus: number; supprimees: number }> {
  const aujourdhui = jourParis(p.maintenant);
  const aPrevenir = await echues(db, ajouterMois(ajouterJours(aujourdhui, PREAVIS), -MOIS), null);
  const parConseiller = new Map<string, Echue[]>();
  for (const e of aPrevenir)
    parConseiller.set(e.conseiller_id, [...(parConseiller.get(e.conseiller_id) ?? []), e]);
  let prevenus = 0;
  for (const personnes of parConseiller.values()) {
    const ids = await db.transaction(async (tx) => {
      const pris = await tx
        .insert(rappel)
        .values(
          personnes.map((e) => ({
            nature: NATURE,
            cibleId: e.id,
            echeance: e.echeance,
            niveau: `j-${PREAVIS}`,
            envoyeLe: p.maintenant,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: rappel.cibleId });
      if (pris.length === 0) return null;
      // The first deletion day, not before 30 days from this notice (a late one pushes it).
      const depuis = [
        personnes.map((e) => e.echeance).sort()[0]!,
        ajouterJours(aujourdhui, PREAVIS),
      ]
        .sort()
        .at(-1)!;
      // The mail names no one: it rests 90 days in the mail log, the names stay on the files.
      return messagerie.mettreEnFileEnLot(tx, [
        {
          destinataire: personnes[0]!.email,
          modele: "conservation_beneficiaires",
          objet: "Des personnes suivies vont être supprimées",
          texte: [
            "Bonjour,",
            "",
            `${quantite(pris.length, "personne que vous suivez sera supprimée", "personnes que vous suivez seront supprimées")} à partir du ${jourFr(depuis)} : aucun compte rendu ne les nomme depuis ${MOIS} mois.`,
            "Un nouveau compte rendu qui nomme une personne garde sa fiche.",
            `Vos personnes suivies : ${p.urlPublique}/espace/conseiller/personnes`,
          ].join("\n"),
        },
      ]);
    });
    if (!ids) continue;
    prevenus += 1;
    await messagerie.distribuer(ids);
  }
  const aSupprimer = (
    await echues(db, ajouterMois(aujourdhui, -MOIS), ajouterJours(aujourdhui, -PREAVIS))
  ).map((e) => e.id);
  let supprimees = 0;
  const acteur = acteurSysteme("job:conservation-personnes", "job");
  for (let i = 0; i < aSupprimer.length; i += PAR_LOT) {
    supprimees += await db.transaction(async (tx) => {
      const parties = await lignes<{ id: string }>(
        tx,
        sql`delete from beneficiaire
            where id = any(${tableauSql(aSupprimer.slice(i, i + PAR_LOT), "uuid")}) returning id`,
      );
      for (const { id } of parties)
        await journaliser(tx, acteur, {
          action: "beneficiaire.supprime",
          cibleType: "beneficiaire",
          cibleId: id,
          apres: { motif: "conservation" },
        });
      return parties.length;
    });
  }
  return { prevenus, supprimees };
}
