import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../domain/roles.ts";
import type { Executeur } from "../db/client.ts";
import { habilitation, utilisateur } from "../db/schema.ts";

export type FiltresUtilisateurs = {
  recherche?: string | undefined;
  role?: Role | undefined;
  actif?: boolean | undefined;
  tri?: TriUtilisateurs | undefined;
  page: number;
  parPage: number;
};

/** Escapes LIKE wildcards: user text is matched literally, never as a pattern (I1). */
export function motifRecherche(texte: string): string {
  return `%${texte.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The orders of the users' list: newest account first (default), by name, latest sign-in first. */
export const TRIS_UTILISATEURS = ["recents", "nom", "connexion"] as const;
export type TriUtilisateurs = (typeof TRIS_UTILISATEURS)[number];

const ORDRES_UTILISATEURS: Record<TriUtilisateurs, SQL[]> = {
  recents: [desc(utilisateur.creeLe)],
  nom: [asc(utilisateur.nom), asc(utilisateur.prenom)],
  connexion: [sql`${utilisateur.derniereConnexionLe} desc nulls last`],
};

function conditionsUtilisateurs(f: Omit<FiltresUtilisateurs, "page" | "parPage">) {
  const conditions: SQL[] = [];
  if (f.recherche) {
    const motif = motifRecherche(f.recherche);
    conditions.push(
      or(
        ilike(utilisateur.email, motif),
        ilike(utilisateur.nom, motif),
        ilike(utilisateur.prenom, motif),
      )!,
    );
  }
  if (f.actif !== undefined) conditions.push(eq(utilisateur.actif, f.actif));
  if (f.role) {
    conditions.push(
      sql`exists (select 1 from ${habilitation} where ${habilitation.utilisateurId} = ${utilisateur.id} and ${habilitation.role} = ${f.role} and ${habilitation.actif})`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

const ordreUtilisateurs = (tri: TriUtilisateurs | undefined) => [
  ...ORDRES_UTILISATEURS[tri ?? "recents"],
  asc(utilisateur.email),
];

/** Every user matching the filters, in the order asked, with their active roles (the export). */
export function selectionUtilisateurs(
  db: Executeur,
  f: Omit<FiltresUtilisateurs, "page" | "parPage">,
) {
  return db
    .select({
      email: utilisateur.email,
      prenom: utilisateur.prenom,
      nom: utilisateur.nom,
      actif: utilisateur.actif,
      creeLe: utilisateur.creeLe,
      invitationAccepteeLe: utilisateur.invitationAccepteeLe,
      derniereConnexionLe: utilisateur.derniereConnexionLe,
      roles: sql<
        string[]
      >`array(select ${habilitation.role} from ${habilitation} where ${habilitation.utilisateurId} = ${utilisateur.id} and ${habilitation.actif} order by ${habilitation.creeLe})`,
    })
    .from(utilisateur)
    .where(conditionsUtilisateurs(f))
    .orderBy(...ordreUtilisateurs(f.tri));
}

export async function listerUtilisateurs(db: Executeur, f: FiltresUtilisateurs) {
  const ou = conditionsUtilisateurs(f);
  const [total] = await db.select({ n: count() }).from(utilisateur).where(ou);
  // What the list shows: never the ProConnect subject nor personal settings.
  const lignes = await db
    .select({
      id: utilisateur.id,
      email: utilisateur.email,
      prenom: utilisateur.prenom,
      nom: utilisateur.nom,
      actif: utilisateur.actif,
      invitationAccepteeLe: utilisateur.invitationAccepteeLe,
      derniereConnexionLe: utilisateur.derniereConnexionLe,
      creeLe: utilisateur.creeLe,
    })
    .from(utilisateur)
    .where(ou)
    .orderBy(...ordreUtilisateurs(f.tri))
    .limit(f.parPage)
    .offset((f.page - 1) * f.parPage);
  const habs = lignes.length
    ? await db
        .select()
        .from(habilitation)
        .where(
          inArray(
            habilitation.utilisateurId,
            lignes.map((l) => l.id),
          ),
        )
        .orderBy(habilitation.creeLe)
    : [];
  return {
    total: total?.n ?? 0,
    lignes: lignes.map((u) => ({
      ...u,
      habilitations: habs.filter((h) => h.utilisateurId === u.id),
    })),
  };
}
