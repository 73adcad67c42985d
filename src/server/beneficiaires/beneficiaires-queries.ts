import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { jourParis } from "../../domain/temps.ts";
import type { Executeur } from "../db/client.ts";
import { beneficiaire, commune, cra, craBeneficiaire, lieu, utilisateur } from "../db/schema.ts";
import { employeurA } from "../structures/index.ts";
import { motifRecherche } from "../utilisateurs/index.ts";

/** Who reads: a conseiller, and the structure that employs them today (null without one). */
export type Lecteur = { conseillerId: string; structureId: string | null };

export const TAILLE_PAGE_BENEFICIAIRES = 50;

/** The conseiller and the structure that employs them on the day: who reads and shares. */
export async function lecteurDuJour(
  db: Executeur,
  conseillerId: string,
  maintenant: Date,
): Promise<Lecteur> {
  return { conseillerId, structureId: await employeurA(db, conseillerId, jourParis(maintenant)) };
}

/**
 * The persons a conseiller may read (docs/domaine/beneficiaires.md §1): those they recorded, and
 * those their colleagues of the same structure recorded with the person's agreement to share.
 */
export function visibles(l: Lecteur): SQL {
  const miens = eq(beneficiaire.conseillerId, l.conseillerId);
  if (!l.structureId) return miens;
  return or(
    miens,
    and(eq(beneficiaire.partageStructure, true), eq(beneficiaire.structureId, l.structureId)),
  ) as SQL;
}

const mien = (l: Lecteur) => sql<boolean>`${beneficiaire.conseillerId} = ${l.conseillerId}`;

/** A page of the persons the conseiller may read, last changed first, with the exact total. */
export async function listerBeneficiaires(
  db: Executeur,
  l: Lecteur,
  f: { recherche?: string | undefined; page: number },
) {
  const ou = and(
    visibles(l),
    f.recherche
      ? or(
          ilike(beneficiaire.nom, motifRecherche(f.recherche)),
          ilike(beneficiaire.prenom, motifRecherche(f.recherche)),
        )
      : undefined,
  );
  const [total] = await db.select({ n: count() }).from(beneficiaire).where(ou);
  const lignes = await db
    .select({
      id: beneficiaire.id,
      prenom: beneficiaire.prenom,
      nom: beneficiaire.nom,
      commune: commune.nom,
      mien: mien(l),
      modifieLe: beneficiaire.modifieLe,
    })
    .from(beneficiaire)
    .leftJoin(commune, eq(commune.code, beneficiaire.communeCode))
    .where(ou)
    .orderBy(desc(beneficiaire.modifieLe), desc(beneficiaire.id))
    .limit(TAILLE_PAGE_BENEFICIAIRES)
    .offset((f.page - 1) * TAILLE_PAGE_BENEFICIAIRES);
  return { total: total?.n ?? 0, lignes };
}

/** One person the conseiller may read, or nothing (another's is as if it did not exist). */
export async function lireBeneficiaire(db: Executeur, l: Lecteur, id: string) {
  const [b] = await db
    .select({
      id: beneficiaire.id,
      prenom: beneficiaire.prenom,
      nom: beneficiaire.nom,
      anneeNaissance: beneficiaire.anneeNaissance,
      communeCode: beneficiaire.communeCode,
      commune: commune.nom,
      telephone: beneficiaire.telephone,
      sansTelephone: beneficiaire.sansTelephone,
      email: beneficiaire.email,
      genre: beneficiaire.genre,
      statut: beneficiaire.statut,
      notes: beneficiaire.notes,
      partageStructure: beneficiaire.partageStructure,
      informeLe: beneficiaire.informeLe,
      informePar: beneficiaire.informePar,
      mien: mien(l),
      creeLe: beneficiaire.creeLe,
      modifieLe: beneficiaire.modifieLe,
    })
    .from(beneficiaire)
    .leftJoin(commune, eq(commune.code, beneficiaire.communeCode))
    .where(and(eq(beneficiaire.id, id), visibles(l)));
  return b ?? null;
}

/** How many similar persons are proposed while typing: a short list, closest first. */
const SEMBLABLES_MAX = 5;

/**
 * The persons the conseiller may read that look like the one being typed: the same phone or
 * e-mail first, then a close name (trigram similarity on the normalised name), closest first.
 * Two reads rather than one `or`: each stays on its index (ADR 025), where one condition mixing
 * a contact and a name made the planner read every file the reader may read.
 */
export async function personnesSemblables(
  db: Executeur,
  l: Lecteur,
  q: { cle: string; telephone?: string | undefined; email?: string | undefined },
) {
  const memeTelephone = q.telephone ? eq(beneficiaire.telephone, q.telephone) : undefined;
  const memeEmail = q.email ? eq(beneficiaire.email, q.email) : undefined;
  const similarite = sql`similarity(${beneficiaire.nomNormalise}, ${q.cle})`;
  const lire = (condition: SQL | undefined, raison: SQL<"telephone" | "email" | "nom">) =>
    db
      .select({
        id: beneficiaire.id,
        prenom: beneficiaire.prenom,
        nom: beneficiaire.nom,
        commune: commune.nom,
        raison,
        score: sql<number>`round(${similarite}::numeric, 2)::float8`,
      })
      .from(beneficiaire)
      .leftJoin(commune, eq(commune.code, beneficiaire.communeCode))
      .where(and(visibles(l), condition))
      .orderBy(desc(similarite), desc(beneficiaire.id))
      .limit(SEMBLABLES_MAX);
  const contact = or(memeTelephone, memeEmail);
  const parContact = contact
    ? await lire(
        contact,
        sql<"telephone" | "email">`case when ${memeTelephone ?? sql`false`} then 'telephone'
          else 'email' end`,
      )
    : [];
  if (q.cle.length < 3 || parContact.length === SEMBLABLES_MAX) return parContact;
  const parNom = await lire(
    and(
      sql`${beneficiaire.nomNormalise} % ${q.cle}`,
      contact ? sql`not coalesce(${contact}, false)` : undefined,
    ),
    sql<"nom">`'nom'`,
  );
  return [...parContact, ...parNom].slice(0, SEMBLABLES_MAX);
}

/** How many accompaniments a person's page lists: the latest, with the exact total beside. */
export const ACCOMPAGNEMENTS_MAX = 100;

/**
 * The timeline of a person the reader may read (the caller checked it): every report naming
 * them, by whichever conseiller of the structure, latest first; the page shows the latest 100,
 * the right of access takes them all.
 */
export async function accompagnementsDe(
  db: Executeur,
  l: Lecteur,
  id: string,
  limite: number = ACCOMPAGNEMENTS_MAX,
) {
  const [total] = await db
    .select({ n: count() })
    .from(craBeneficiaire)
    .where(eq(craBeneficiaire.beneficiaireId, id));
  const lignes = await db
    .select({
      craId: cra.id,
      date: cra.date,
      type: cra.type,
      dureeMinutes: cra.dureeMinutes,
      thematiques: cra.thematiques,
      typeLieu: cra.typeLieu,
      lieu: sql<string | null>`coalesce(${lieu.nom}, ${commune.nom})`,
      conseiller: sql<string>`${utilisateur.prenom} || ' ' || ${utilisateur.nom}`,
      mien: sql<boolean>`${cra.conseillerId} = ${l.conseillerId}`,
    })
    .from(craBeneficiaire)
    .innerJoin(cra, eq(cra.id, craBeneficiaire.craId))
    .innerJoin(utilisateur, eq(utilisateur.id, cra.conseillerId))
    .leftJoin(lieu, eq(lieu.id, cra.lieuId))
    .leftJoin(commune, eq(commune.code, cra.communeCode))
    .where(eq(craBeneficiaire.beneficiaireId, id))
    .orderBy(desc(cra.date), desc(cra.id))
    .limit(limite);
  return { nbAccompagnements: total?.n ?? 0, accompagnements: lignes };
}
