import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { compteursDe } from "../../domain/cra/compteurs.ts";
import type { Cra } from "../../domain/cra/cra.ts";
import { type CraV1, depuisV1 } from "../../domain/cra/import-v1.ts";
import type { Erreur } from "../../domain/erreurs.ts";
import type { Db, Executeur } from "../db/client.ts";
import { commune, cra, lieu, lieuConseiller, structure, utilisateur } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { employeurA } from "../structures/index.ts";
import { appliquerCompteurs } from "./rollups.ts";

export type RapportImportV1 = {
  lignes: number;
  valides: number;
  avertissements: number;
  applique: boolean;
  rejetees: { ligne: number; erreurs: Erreur[] }[];
};

type Ligne = { conseiller?: string; cra?: CraV1 };

/** NDJSON (one `{ conseiller, cra }` per line) or a JSON array of them. */
export function lireFichierV1(texte: string): (Ligne | null)[] {
  const t = texte.trim();
  if (t.startsWith("[")) return JSON.parse(t) as Ligne[];
  return t.split(/\r?\n/).map((l) => {
    try {
      return JSON.parse(l) as Ligne;
    } catch {
      return null;
    }
  });
}

type Prete = { valeurs: typeof cra.$inferInsert; cra: Cra };

async function preparer(
  tx: Executeur,
  l: Ligne | null,
): Promise<Prete | { erreurs: Erreur[]; avertissement?: never }> {
  if (!l?.cra || !l.conseiller)
    return {
      erreurs: [{ champ: "ligne", message: "Ligne illisible : { conseiller, cra } attendu." }],
    };
  const traduit = depuisV1(l.cra);
  if (!traduit.ok) return { erreurs: traduit.erreurs };
  const s = traduit.valeur.saisie;
  const [u] = await tx
    .select({ id: utilisateur.id })
    .from(utilisateur)
    .where(eq(utilisateur.email, l.conseiller.trim().toLowerCase()));
  if (!u)
    return { erreurs: [{ champ: "conseiller", message: "Conseiller inconnu de la plateforme." }] };
  const structureId = await employeurA(tx, u.id, s.date);
  if (!structureId)
    return {
      erreurs: [{ champ: "dateAccompagnement", message: "Aucun employeur connu à cette date." }],
    };
  let typeLieu = s.typeLieu;
  let lieuId: string | null = null;
  let communeCode = s.communeCode ?? null;
  if (typeLieu === "lieu_activite") {
    // The V1 permanence is not kept: the conseiller's main place at that date stands for it.
    const [principal] = await tx
      .select({ id: lieu.id, communeCode: lieu.communeCode })
      .from(lieuConseiller)
      .innerJoin(lieu, eq(lieu.id, lieuConseiller.lieuId))
      .where(
        and(
          eq(lieuConseiller.conseillerId, u.id),
          eq(lieuConseiller.nature, "principal"),
          lte(lieuConseiller.debut, s.date),
          or(isNull(lieuConseiller.fin), gte(lieuConseiller.fin, s.date)),
        ),
      )
      .limit(1);
    if (principal) {
      lieuId = principal.id;
      communeCode = principal.communeCode;
    } else {
      typeLieu = "autre";
      communeCode = traduit.valeur.communeV1;
    }
  }
  if (typeLieu === "a_distance" || !communeCode) {
    const [s2] = await tx.select().from(structure).where(eq(structure.id, structureId));
    communeCode = s2!.communeCode;
  }
  const [co] = await tx.select().from(commune).where(eq(commune.code, communeCode));
  if (!co) return { erreurs: [{ champ: "codeCommune", message: "Le code commune est invalide." }] };
  const normalise = { ...s, typeLieu, lieuId, communeCode: co.code } as Cra;
  return {
    cra: normalise,
    valeurs: {
      conseillerId: u.id,
      structureId,
      type: normalise.type,
      public: normalise.public,
      date: normalise.date,
      dureeMinutes: normalise.dureeMinutes,
      typeLieu: normalise.typeLieu,
      lieuId,
      communeCode: co.code,
      departementCode: co.departementCode,
      nbParticipants: normalise.nbParticipants,
      dejaAccompagnes: normalise.dejaAccompagnes,
      ages: normalise.ages,
      statuts: normalise.statuts,
      genres: normalise.genres,
      thematiques: normalise.thematiques,
      materiel: normalise.materiel,
      oriente: normalise.oriente,
      structureRedirection: normalise.structureRedirection,
      notes: normalise.notes,
      origineV1: l.cra,
    },
  };
}

/**
 * `cnfs import cra-v1 FICHIER`: every line checked and reported, then all or nothing, each
 * report entering its roll-ups like a report typed today (docs/domaine/cra.md §5).
 */
export async function importerCraV1(
  db: Db,
  params: { lignes: (Ligne | null)[]; appliquer: boolean; acteur: Acteur },
): Promise<RapportImportV1> {
  return db.transaction(async (tx) => {
    const pretes: Prete[] = [];
    const rejetees: RapportImportV1["rejetees"] = [];
    let avertissements = 0;
    for (const [i, l] of params.lignes.entries()) {
      const r = await preparer(tx, l);
      if ("erreurs" in r) rejetees.push({ ligne: i + 1, erreurs: r.erreurs });
      else {
        pretes.push(r);
        if (r.cra.thematiques.length === 0) avertissements++;
      }
    }
    const applique = params.appliquer && rejetees.length === 0 && pretes.length > 0;
    if (applique) {
      for (const p of pretes) {
        const [ligne] = await tx.insert(cra).values(p.valeurs).returning();
        await appliquerCompteurs(
          tx,
          {
            conseillerId: ligne!.conseillerId,
            structureId: ligne!.structureId!,
            departementCode: ligne!.departementCode,
            jour: ligne!.date,
          },
          compteursDe(p.cra),
        );
      }
      await journaliser(tx, params.acteur, {
        action: "cra.import_v1",
        cibleType: "import",
        cibleId: "cra-v1",
        apres: { lignes: params.lignes.length, importes: pretes.length, avertissements },
      });
    }
    return {
      lignes: params.lignes.length,
      valides: pretes.length,
      avertissements,
      applique,
      rejetees,
    };
  });
}
