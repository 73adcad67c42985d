import { and, arrayContains, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import {
  AUTONOMIES,
  MATERIELS,
  NIVEAUX_ATELIER,
  PUBLICS,
  STRUCTURES_REDIRECTION,
  THEMATIQUES,
  TYPES_ACTIVITE,
  TYPES_LIEU,
  type TypeActivite,
} from "../../domain/cra/vocabulaire.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import { commune, cra, lieu, structure, utilisateur } from "../db/schema.ts";
import type { Colonne } from "../infra/export.ts";

const LOT = 5_000;

/** Reports are scoped like every other read: their employer, their département, their author. */
const colonnesPerimetreCra = {
  departement: cra.departementCode,
  structureId: cra.structureId,
  utilisateurId: cra.conseillerId,
};

type LigneExport = Awaited<ReturnType<typeof lot>>[number];

/** Every field of the reports matching `condition`, with their names, in export order. */
export function selectionCra(tx: Executeur, condition: SQL | undefined) {
  return tx
    .select({
      id: cra.id,
      date: cra.date,
      conseiller: sql<string>`${utilisateur.prenom} || ' ' || ${utilisateur.nom}`,
      structure: structure.nom,
      type: cra.type,
      public: cra.public,
      dureeMinutes: cra.dureeMinutes,
      typeLieu: cra.typeLieu,
      lieu: lieu.nom,
      commune: commune.nom,
      departementCode: cra.departementCode,
      nbParticipants: cra.nbParticipants,
      dejaAccompagnes: cra.dejaAccompagnes,
      ages: cra.ages,
      statuts: cra.statuts,
      genres: cra.genres,
      thematiques: cra.thematiques,
      precisionsDemarche: cra.precisionsDemarche,
      materiel: cra.materiel,
      autonomie: cra.autonomie,
      oriente: cra.oriente,
      structureRedirection: cra.structureRedirection,
      titreAtelier: cra.titreAtelier,
      niveau: cra.niveau,
      notes: cra.notes,
    })
    .from(cra)
    .innerJoin(utilisateur, eq(utilisateur.id, cra.conseillerId))
    .leftJoin(structure, eq(structure.id, cra.structureId))
    .leftJoin(lieu, eq(lieu.id, cra.lieuId))
    .leftJoin(commune, eq(commune.code, cra.communeCode))
    .where(condition)
    .orderBy(asc(cra.date), asc(cra.id));
}

/**
 * One batch after the (date, id) of the previous one: keyset pagination on the `(date, id)`
 * index, so each batch costs the same (an offset, or an `or` the planner cannot match to the
 * index, made each batch sort what remains: 122 s for a national million instead of 25).
 */
function lot(tx: Executeur, condition: SQL, apres: { date: string; id: string } | null) {
  return selectionCra(
    tx,
    and(
      condition,
      apres ? sql`(${cra.date}, ${cra.id}) > (${apres.date}::date, ${apres.id}::uuid)` : undefined,
    ),
  ).limit(LOT);
}

export async function* lots(tx: Executeur, condition: SQL) {
  let apres: { date: string; id: string } | null = null;
  for (;;) {
    const lignes = await lot(tx, condition, apres);
    if (lignes.length === 0) return;
    yield lignes;
    const derniere = lignes.at(-1)!;
    apres = { date: derniere.date, id: derniere.id };
    if (lignes.length < LOT) return;
  }
}

const libelles = (l: Record<string, string>) => (v: string | null) => (v ? (l[v] ?? v) : "");
const liste = (l: Record<string, string>) => (v: string[]) => v.map((x) => l[x] ?? x).join(", ");
const repartition = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, n]) => `${k} : ${n}`)
    .join(", ");

/** Every field of a report, one row per activity (docs/domaine/cra.md §4). */
export const COLONNES_EXPORT_CRA: Colonne<LigneExport>[] = [
  { titre: "Date", valeur: (l) => l.date.split("-").reverse().join("/") },
  { titre: "Conseiller", valeur: (l) => l.conseiller },
  { titre: "Structure", valeur: (l) => l.structure },
  { titre: "Type", valeur: (l) => libelles(TYPES_ACTIVITE)(l.type) },
  { titre: "Public", valeur: (l) => libelles(PUBLICS)(l.public) },
  { titre: "Durée (minutes)", valeur: (l) => l.dureeMinutes },
  { titre: "Type de lieu", valeur: (l) => libelles(TYPES_LIEU)(l.typeLieu) },
  { titre: "Lieu", valeur: (l) => l.lieu },
  { titre: "Commune", valeur: (l) => l.commune },
  { titre: "Département", valeur: (l) => l.departementCode },
  { titre: "Participants", valeur: (l) => l.nbParticipants },
  { titre: "Déjà accompagnés", valeur: (l) => l.dejaAccompagnes },
  { titre: "Âges", valeur: (l) => repartition(l.ages) },
  { titre: "Statuts", valeur: (l) => repartition(l.statuts) },
  { titre: "Genres", valeur: (l) => repartition(l.genres) },
  { titre: "Thématiques", valeur: (l) => liste(THEMATIQUES)(l.thematiques) },
  { titre: "Précisions sur la démarche", valeur: (l) => l.precisionsDemarche },
  { titre: "Matériel", valeur: (l) => liste(MATERIELS)(l.materiel) },
  { titre: "Autonomie", valeur: (l) => libelles(AUTONOMIES)(l.autonomie) },
  {
    titre: "Orientation",
    valeur: (l) => (l.oriente ? libelles(STRUCTURES_REDIRECTION)(l.structureRedirection) : ""),
  },
  { titre: "Titre de l'atelier", valeur: (l) => l.titreAtelier },
  { titre: "Niveau", valeur: (l) => libelles(NIVEAUX_ATELIER)(l.niveau) },
  { titre: "Notes", valeur: (l) => l.notes },
];

/** The reports of the scope matching the export's filters. */
export function conditionExportCra(
  connexion: SessionChargee,
  q: {
    du?: string | undefined;
    au?: string | undefined;
    type?: TypeActivite | undefined;
    thematique?: string | undefined;
  },
): SQL {
  return and(
    predicatPerimetre(connexion, colonnesPerimetreCra),
    q.du ? gte(cra.date, q.du) : undefined,
    q.au ? lte(cra.date, q.au) : undefined,
    q.type ? eq(cra.type, q.type) : undefined,
    q.thematique ? arrayContains(cra.thematiques, [q.thematique]) : undefined,
  )!;
}
