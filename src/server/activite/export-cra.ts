import { and, arrayContains, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AUTONOMIES,
  CODES,
  MATERIELS,
  NIVEAUX_ATELIER,
  PUBLICS,
  STRUCTURES_REDIRECTION,
  THEMATIQUES,
  TYPES_ACTIVITE,
  TYPES_LIEU,
} from "../../domain/cra/vocabulaire.ts";
import { LIBELLES_ROLES } from "../../domain/roles.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/acces.ts";
import { predicatPerimetre } from "../access/perimetre-sql.ts";
import type { Contexte } from "../contexte.ts";
import type { Executeur } from "../db/client.ts";
import { commune, cra, lieu, structure, utilisateur } from "../db/schema.ts";
import { envoyerTableurEnFlux, formatTableurSchema } from "../http/tableur.ts";
import { type Colonne, exportePar } from "../infra/export.ts";

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

async function* lots(tx: Executeur, condition: SQL) {
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

export function routesExportCra(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/exports-cra",
    {
      config: {
        acces: ["conseiller", "structure", "coordinateur", "admin"],
        rateLimit: { max: 10, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["Activité (CRA)"],
        summary:
          "Exporter les comptes rendus filtrés du périmètre, un par ligne, du plus ancien au plus récent (CSV ou XLSX, en flux)",
        querystring: z
          .object({
            format: formatTableurSchema,
            du: z.iso.date("Date de début invalide.").optional(),
            au: z.iso.date("Date de fin invalide.").optional(),
            type: z.enum(CODES.types, { error: "Type d'activité inconnu." }).optional(),
            thematique: z.enum(CODES.thematiques, { error: "Thématique inconnue." }).optional(),
          })
          .strict(),
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const perimetre = predicatPerimetre(connexion, colonnesPerimetreCra);
      const q = requete.query;
      const condition = and(
        perimetre,
        q.du ? gte(cra.date, q.du) : undefined,
        q.au ? lte(cra.date, q.au) : undefined,
        q.type ? eq(cra.type, q.type) : undefined,
        q.thematique ? arrayContains(cra.thematiques, [q.thematique]) : undefined,
      )!;
      return envoyerTableurEnFlux(ctx.db, requete, reponse, q.format, {
        cible: "cra",
        fichier: `Comptes_rendus_${connexion.habilitation?.role}_${q.du ?? "debut"}_${q.au ?? jourParis(ctx.horloge())}`,
        feuille: "Comptes rendus",
        colonnes: COLONNES_EXPORT_CRA,
        lots: lots(ctx.dbLecture, condition),
        entete: [
          exportePar(connexion.utilisateur, ctx.horloge()),
          `Périmètre : ${connexion.habilitation ? LIBELLES_ROLES[connexion.habilitation.role] : ""}`,
          `Période : ${q.du ?? "début"} – ${q.au ?? "aujourd'hui"}`,
        ],
        details: {
          du: q.du ?? null,
          au: q.au ?? null,
          type: q.type ?? null,
          thematique: q.thematique ?? null,
        },
      });
    },
  );
}
