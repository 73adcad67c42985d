import { and, asc, desc, eq, exists, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { STATUTS_DEMANDE, type StatutDemande } from "../../domain/selection/demande-postes.ts";
import { codeCommuneSchema } from "../../domain/territoire.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import type { Executeur } from "../db/client.ts";
import {
  ami,
  avisPrefet,
  commune,
  decisionComite,
  demandePostes,
  poste,
  structure,
} from "../db/schema.ts";
import { rechercheSchema } from "../http/schemas.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";
import { motifRecherche } from "../utilisateurs/index.ts";

const statuts = Object.keys(STATUTS_DEMANDE) as [StatutDemande, ...StatutDemande[]];

/** The filters of the requests' list, in its query string and in its export's. */
export const filtresDemandesSchema = z
  .object({
    statut: z.enum(statuts, { error: "Statut inconnu." }).optional(),
    amiId: z.uuid("Appel inconnu.").optional(),
    avis: z
      .enum(["avec", "sans"], { error: "Le filtre d'avis vaut « avec » ou « sans »." })
      .optional(),
    secteur: z
      .enum(["public", "prive"], { error: "Le secteur vaut « public » ou « prive »." })
      .optional(),
    communeCode: codeCommuneSchema.optional(),
    recherche: rechercheSchema,
  })
  .strict();

/** The orders of the requests' list: newest first (default), oldest first, by structure. */
export const TRIS_DEMANDES = ["recentes", "anciennes", "structure"] as const;
export type TriDemandes = (typeof TRIS_DEMANDES)[number];

export type FiltresDemandes = {
  statut?: StatutDemande | undefined;
  amiId?: string | undefined;
  avis?: "avec" | "sans" | undefined;
  secteur?: "public" | "prive" | undefined;
  communeCode?: string | undefined;
  recherche?: string | undefined;
  tri?: TriDemandes | undefined;
  page: number;
  parPage: number;
};

const dernierAvis = sql<
  string | null
>`(select ${avisPrefet.avis} from ${avisPrefet} where ${avisPrefet.demandeId} = ${demandePostes.id} order by ${avisPrefet.creeLe} desc limit 1)`;

/** The conditions of the requests' list: the session's scope and the préfet's filters. */
export function conditionsDemandes(
  db: Executeur,
  connexion: SessionChargee,
  f: Omit<FiltresDemandes, "page" | "parPage">,
) {
  const conditions: SQL[] = [predicatPerimetre(connexion, colonnesPerimetreStructure)];
  if (f.statut) conditions.push(eq(demandePostes.statut, f.statut));
  if (f.amiId) conditions.push(eq(demandePostes.amiId, f.amiId));
  if (f.secteur) conditions.push(eq(structure.secteur, f.secteur));
  if (f.communeCode) conditions.push(eq(structure.communeCode, f.communeCode));
  if (f.recherche) {
    const motif = motifRecherche(f.recherche);
    conditions.push(or(ilike(structure.nom, motif), ilike(structure.siret, motif))!);
  }
  const avecAvis = exists(
    db.select({ un: sql`1` }).from(avisPrefet).where(eq(avisPrefet.demandeId, demandePostes.id)),
  );
  if (f.avis === "avec") conditions.push(avecAvis);
  if (f.avis === "sans") conditions.push(sql`not ${avecAvis}`);
  return and(...conditions);
}

/** How many requests of the session's scope match the filters (a work queue's count). */
export async function compterDemandes(
  db: Executeur,
  connexion: SessionChargee,
  f: Omit<FiltresDemandes, "page" | "parPage">,
): Promise<number> {
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(demandePostes)
    .innerJoin(structure, eq(structure.id, demandePostes.structureId))
    .where(conditionsDemandes(db, connexion, f));
  return total?.n ?? 0;
}

/** Requests about posts that the session may read, with the préfet's filters. */
export async function listerDemandes(db: Executeur, connexion: SessionChargee, f: FiltresDemandes) {
  const ou = conditionsDemandes(db, connexion, f);
  const total = await compterDemandes(db, connexion, f);
  const lignes = await db
    .select({
      id: demandePostes.id,
      nature: demandePostes.nature,
      statut: demandePostes.statut,
      postesDemandes: demandePostes.postesDemandes,
      creeLe: demandePostes.creeLe,
      amiTitre: ami.titre,
      structureId: structure.id,
      structureNom: structure.nom,
      siret: structure.siret,
      secteur: structure.secteur,
      commune: commune.nom,
      departementCode: structure.departementCode,
      dernierAvis,
    })
    .from(demandePostes)
    .innerJoin(structure, eq(structure.id, demandePostes.structureId))
    .innerJoin(commune, eq(commune.code, structure.communeCode))
    .leftJoin(ami, eq(ami.id, demandePostes.amiId))
    .where(ou)
    .orderBy(
      ...(f.tri === "structure"
        ? [asc(structure.nom), asc(demandePostes.creeLe)]
        : f.tri === "anciennes"
          ? [asc(demandePostes.creeLe)]
          : [desc(demandePostes.creeLe)]),
      asc(demandePostes.id),
    )
    .limit(f.parPage)
    .offset((f.page - 1) * f.parPage);
  return { total, lignes };
}

/** One request with its structure, opinions and decisions, or nothing when out of scope. */
export async function lireDemande(db: Executeur, connexion: SessionChargee, id: string) {
  const [ligne] = await db
    .select({
      demande: {
        id: demandePostes.id,
        structureId: demandePostes.structureId,
        nature: demandePostes.nature,
        statut: demandePostes.statut,
        postesDemandes: demandePostes.postesDemandes,
        motivation: demandePostes.motivation,
        dateDebutSouhaitee: demandePostes.dateDebutSouhaitee,
        coordinateur: demandePostes.coordinateur,
        sessionComiteId: demandePostes.sessionComiteId,
        creeLe: demandePostes.creeLe,
      },
      structure: {
        nom: structure.nom,
        siret: structure.siret,
        secteur: structure.secteur,
        adresse: structure.adresse,
        departementCode: structure.departementCode,
        contactPrenom: structure.contactPrenom,
        contactNom: structure.contactNom,
        contactEmail: structure.contactEmail,
      },
      commune: commune.nom,
      amiTitre: ami.titre,
    })
    .from(demandePostes)
    .innerJoin(structure, eq(structure.id, demandePostes.structureId))
    .innerJoin(commune, eq(commune.code, structure.communeCode))
    .leftJoin(ami, eq(ami.id, demandePostes.amiId))
    .where(and(eq(demandePostes.id, id), predicatPerimetre(connexion, colonnesPerimetreStructure)));
  if (!ligne) return undefined;
  const [avis, decisions] = await Promise.all([
    db
      .select({
        id: avisPrefet.id,
        avis: avisPrefet.avis,
        commentaire: avisPrefet.commentaire,
        creeLe: avisPrefet.creeLe,
      })
      .from(avisPrefet)
      .where(eq(avisPrefet.demandeId, id))
      .orderBy(desc(avisPrefet.creeLe)),
    db
      .select({
        id: decisionComite.id,
        issue: decisionComite.issue,
        postesAccordes: decisionComite.postesAccordes,
        creeLe: decisionComite.creeLe,
      })
      .from(decisionComite)
      .where(eq(decisionComite.demandeId, id))
      .orderBy(desc(decisionComite.creeLe)),
  ]);
  const postes = decisions.length
    ? await db
        .select({
          id: poste.id,
          dateLimiteRecrutement: poste.dateLimiteRecrutement,
          plafondCents: poste.plafondCents,
        })
        .from(poste)
        .where(
          inArray(
            poste.decisionId,
            decisions.map((d) => d.id),
          ),
        )
    : [];
  return { ...ligne, avis, decisions, postes };
}
