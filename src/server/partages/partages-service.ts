import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { quantite } from "../../domain/format.ts";
import { type LienPartage, refusDuLien } from "../../domain/partages/partage.ts";
import type { Role } from "../../domain/roles.ts";
import { jourParis } from "../../domain/temps.ts";
import {
  type PorteurDePerimetre,
  resoudrePerimetre,
  type SessionChargee,
} from "../access/index.ts";
import { statistiquesDuPerimetre } from "../activite/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import { habilitation, lienPartage, structure } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { empreinte, jetonAleatoire } from "../infra/secrets.ts";

export const LIEN_INTROUVABLE =
  "Ce lien de partage n'existe pas, a expiré ou a été retiré par la personne qui l'a créé.";

/** A link may be opened: not revoked, not past its last day (Paris), its habilitation active. */
const ouvrable = (aujourdhui: string) =>
  sql`${lienPartage.revoqueLe} is null
    and (${lienPartage.expireLe} is null or ${lienPartage.expireLe} >= ${aujourdhui}::date)
    and ${habilitation.actif}`;

/** Creates a link for the author's active habilitation; its address is given once, here. */
export async function creerLien(
  db: Db,
  p: {
    connexion: SessionChargee;
    lien: LienPartage;
    acteur: Acteur;
    maintenant: Date;
    urlPublique: string;
  },
): Promise<Resultat<{ id: string; url: string }>> {
  const refus = refusDuLien(p.lien, jourParis(p.maintenant));
  if (refus) return refus;
  const jeton = jetonAleatoire();
  return db.transaction(async (tx) => {
    const [l] = await tx
      .insert(lienPartage)
      .values({
        jetonHash: empreinte(jeton),
        utilisateurId: p.connexion.utilisateur.id,
        habilitationId: p.connexion.habilitation!.id,
        titre: p.lien.titre,
        du: p.lien.du,
        au: p.lien.au,
        expireLe: p.lien.expireLe,
        creeLe: p.maintenant,
      })
      .returning({ id: lienPartage.id });
    await journaliser(tx, p.acteur, {
      action: "partage.cree",
      cibleType: "lien_partage",
      cibleId: l!.id,
      apres: { du: p.lien.du, au: p.lien.au, expireLe: p.lien.expireLe },
    });
    return reussite({ id: l!.id, url: `${p.urlPublique}/statistiques/partage/${jeton}` });
  });
}

/** The author's links, the latest first, with whether a visitor can open them today. */
export function mesLiens(db: Executeur, utilisateurId: string, maintenant: Date) {
  return db
    .select({
      id: lienPartage.id,
      titre: lienPartage.titre,
      du: lienPartage.du,
      au: lienPartage.au,
      creeLe: lienPartage.creeLe,
      expireLe: lienPartage.expireLe,
      revoqueLe: lienPartage.revoqueLe,
      actif: sql<boolean>`${ouvrable(jourParis(maintenant))}`,
    })
    .from(lienPartage)
    .innerJoin(habilitation, eq(habilitation.id, lienPartage.habilitationId))
    .where(eq(lienPartage.utilisateurId, utilisateurId))
    .orderBy(desc(lienPartage.creeLe), desc(lienPartage.id));
}

/** Withdraws one of the author's links: from now on it answers as an unknown one. */
export async function retirerLien(
  db: Db,
  p: { id: string; utilisateurId: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const [l] = await tx
      .update(lienPartage)
      .set({ revoqueLe: p.maintenant })
      .where(
        and(
          eq(lienPartage.id, p.id),
          eq(lienPartage.utilisateurId, p.utilisateurId),
          isNull(lienPartage.revoqueLe),
        ),
      )
      .returning({ id: lienPartage.id });
    if (!l) return introuvable("Ce lien n'existe pas, n'est pas le vôtre ou est déjà retiré.");
    await journaliser(tx, p.acteur, {
      action: "partage.retire",
      cibleType: "lien_partage",
      cibleId: l.id,
    });
    return reussite({ ok: true as const });
  });
}

/** Whose figures a link shows, said without naming anyone. */
async function libellePortee(
  db: Executeur,
  role: string,
  structureIds: readonly string[],
  conseillers: number,
): Promise<string> {
  const [s] = structureIds.length
    ? await db
        .select({ nom: structure.nom })
        .from(structure)
        .where(eq(structure.id, structureIds[0]!))
    : [];
  if (role === "structure") return `Conseillers numériques de ${s?.nom ?? "la structure"}`;
  if (role === "conseiller")
    return s ? `Un conseiller numérique de ${s.nom}` : "Un conseiller numérique";
  return `Conseillers numériques d'une coordination (${quantite(conseillers, "conseiller", "conseillers")})`;
}

/**
 * The figures a visitor of a link reads: the author's scope as it stands today (a habilitation
 * withdrawn closes its links), over the period chosen at creation.
 */
export async function statistiquesDuLien(db: Executeur, jeton: string, maintenant: Date) {
  const aujourdhui = jourParis(maintenant);
  const [l] = await db
    .select({
      titre: lienPartage.titre,
      du: lienPartage.du,
      au: lienPartage.au,
      creeLe: lienPartage.creeLe,
      expireLe: lienPartage.expireLe,
      habilitationId: habilitation.id,
      utilisateurId: habilitation.utilisateurId,
      role: habilitation.role,
      perimetre: habilitation.perimetre,
    })
    .from(lienPartage)
    .innerJoin(habilitation, eq(habilitation.id, lienPartage.habilitationId))
    .where(and(eq(lienPartage.jetonHash, empreinte(jeton)), ouvrable(aujourdhui)));
  if (!l) return introuvable(LIEN_INTROUVABLE);
  const perimetre = await resoudrePerimetre(db, l.utilisateurId, l.role, l.perimetre);
  const lecteur: PorteurDePerimetre = {
    utilisateur: { id: l.utilisateurId },
    habilitation: { id: l.habilitationId, role: l.role as Role, perimetre },
  };
  const s = await statistiquesDuPerimetre(db, lecteur, { du: l.du, au: l.au }, aujourdhui);
  if (!s.ok) return introuvable(LIEN_INTROUVABLE);
  const structureIds =
    perimetre.type === "structure" ? [perimetre.structureId] : (perimetre.structureIds ?? []);
  return reussite({
    titre: l.titre,
    perimetre: await libellePortee(db, l.role, structureIds, perimetre.conseillerIds?.length ?? 0),
    creeLe: l.creeLe,
    expireLe: l.expireLe,
    statistiques: s.valeur,
  });
}
