import { and, asc, count, eq, isNull, ne, or, sql } from "drizzle-orm";
import {
  ATELIER_PASSE,
  type Atelier,
  type Inscription,
  type StatutInscription,
} from "../../domain/ateliers/atelier.ts";
import {
  conflit,
  echec,
  interdit,
  introuvable,
  type Resultat,
  reussite,
} from "../../domain/erreurs.ts";
import { momentFr } from "../../domain/format.ts";
import { instantParis } from "../../domain/temps.ts";
import { LIEU_D_UN_AUTRE } from "../activite/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import { atelier, inscriptionAtelier, lieu } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { empreinte, jetonAleatoire } from "../infra/secrets.ts";
import { employeurA, lieuxDuConseillerLe } from "../structures/index.ts";
import { monAtelier } from "./ateliers-queries.ts";

export const ATELIER_INTROUVABLE =
  "Cet atelier n'existe pas ou n'est plus ouvert aux inscriptions.";
export const ATELIER_D_UN_AUTRE = "Cet atelier est celui d'un autre conseiller.";
export const DEJA_INSCRIT = "Cette adresse ou ce téléphone est déjà inscrit à cet atelier.";
export const LIEN_ANNULATION_INVALIDE = "Ce lien d'annulation n'est plus valable.";
export const PAS_DE_LA_STRUCTURE =
  "Ce conseiller n'est pas employé par votre structure à la date de l'atelier.";

/**
 * Announces a workshop at one of the conseiller's places on that day, to come; the employer of
 * that day is kept beside it. Journaled.
 */
export async function publierAtelier(
  db: Db,
  p: {
    conseillerId: string;
    saisie: Atelier;
    acteur: Acteur;
    maintenant: Date;
    /** Announced by a structure: the conseiller must be its employee that day. */
    pourStructure?: string;
  },
): Promise<Resultat<{ id: string }>> {
  const debut = instantParis(p.saisie.jour, p.saisie.heure);
  if (debut <= p.maintenant) return echec("jour", ATELIER_PASSE);
  return db.transaction(async (tx) => {
    const [sien] = await tx
      .select({ id: lieu.id })
      .from(lieu)
      .where(
        and(
          eq(lieu.id, p.saisie.lieuId),
          sql`${lieu.id} in ${lieuxDuConseillerLe(sql`${p.conseillerId}::uuid`, sql`${p.saisie.jour}::date`)}`,
        ),
      );
    const employeur = await employeurA(tx, p.conseillerId, p.saisie.jour);
    if (p.pourStructure !== undefined && employeur !== p.pourStructure)
      return echec("conseillerId", PAS_DE_LA_STRUCTURE);
    if (!sien) return echec("lieuId", LIEU_D_UN_AUTRE);
    const [a] = await tx
      .insert(atelier)
      .values({
        conseillerId: p.conseillerId,
        structureId: employeur,
        lieuId: p.saisie.lieuId,
        titre: p.saisie.titre,
        thematiques: [...new Set(p.saisie.thematiques)],
        niveau: p.saisie.niveau,
        debut,
        dureeMinutes: p.saisie.dureeMinutes,
        capacite: p.saisie.capacite,
        gratuit: p.saisie.gratuit,
        accessibilite: p.saisie.accessibilite ?? null,
        creeLe: p.maintenant,
        modifieLe: p.maintenant,
      })
      .returning({ id: atelier.id });
    await journaliser(tx, p.acteur, {
      action: "atelier.publie",
      cibleType: "atelier",
      cibleId: a!.id,
      apres: { debut: debut.toISOString(), capacite: p.saisie.capacite },
    });
    return reussite({ id: a!.id });
  });
}

/** The workshop, locked: registrations and cancellations decide places one at a time. */
async function atelierOuvert(tx: Executeur, id: string, maintenant: Date) {
  const [a] = await tx
    .select({
      id: atelier.id,
      titre: atelier.titre,
      debut: atelier.debut,
      capacite: atelier.capacite,
      lieu: lieu.nom,
      adresse: lieu.adresse,
      codePostal: lieu.codePostal,
    })
    .from(atelier)
    .innerJoin(lieu, eq(lieu.id, atelier.lieuId))
    .where(and(eq(atelier.id, id), isNull(atelier.annuleLe), eq(lieu.visibleCarte, true)))
    .for("update", { of: atelier });
  return a && a.debut > maintenant ? a : null;
}

type AtelierOuvert = NonNullable<Awaited<ReturnType<typeof atelierOuvert>>>;

const placesPrises = async (tx: Executeur, atelierId: string) =>
  (
    await tx
      .select({ n: count() })
      .from(inscriptionAtelier)
      .where(
        and(eq(inscriptionAtelier.atelierId, atelierId), eq(inscriptionAtelier.statut, "inscrite")),
      )
  )[0]?.n ?? 0;

/** What a registrant reads: the place, the address, the time, and how to cancel. */
function courrielInscription(
  a: AtelierOuvert,
  p: { prenom: string; statut: StatutInscription; lien: string | null },
) {
  const quand = momentFr(a.debut);
  const ou = `${a.lieu}, ${a.adresse}, ${a.codePostal}`;
  const etat =
    p.statut === "inscrite"
      ? `Votre place est réservée pour l'atelier « ${a.titre} », le ${quand}, à ${ou}.`
      : `L'atelier « ${a.titre} » du ${quand} est complet : vous êtes sur la liste d'attente. Vous recevrez un message si une place se libère.`;
  const annuler = p.lien
    ? `Si vous ne pouvez pas venir, annulez ici pour laisser votre place : ${p.lien}`
    : "Si vous ne pouvez pas venir, annulez avec le lien reçu lors de votre inscription, pour laisser votre place.";
  return `Bonjour ${p.prenom},\n\n${etat}\n\n${annuler}\n\nL'équipe Conseillers numériques France Services`;
}

/**
 * Registers someone without an account: a place while there is one, else the waiting list, in
 * the order of arrival. The secret of the cancellation link is returned once; only its hash is
 * kept. The same e-mail or phone twice on one workshop is refused.
 */
export async function inscrire(
  db: Db,
  messagerie: Messagerie,
  p: {
    atelierId: string;
    inscription: Inscription;
    acteur: Acteur;
    maintenant: Date;
    urlPublique: string;
  },
): Promise<Resultat<{ statut: StatutInscription; jeton: string; mails: string[] }>> {
  return db.transaction(async (tx) => {
    const a = await atelierOuvert(tx, p.atelierId, p.maintenant);
    if (!a) return introuvable(ATELIER_INTROUVABLE, "");
    const { email, telephone } = p.inscription;
    const [deja] = await tx
      .select({ id: inscriptionAtelier.id })
      .from(inscriptionAtelier)
      .where(
        and(
          eq(inscriptionAtelier.atelierId, a.id),
          ne(inscriptionAtelier.statut, "annulee"),
          or(
            email ? eq(inscriptionAtelier.email, email) : undefined,
            telephone ? eq(inscriptionAtelier.telephone, telephone) : undefined,
          ),
        ),
      );
    if (deja) return conflit(email ? "email" : "telephone", DEJA_INSCRIT);
    const statut: StatutInscription =
      (await placesPrises(tx, a.id)) < a.capacite ? "inscrite" : "attente";
    const jeton = jetonAleatoire();
    const [i] = await tx
      .insert(inscriptionAtelier)
      .values({
        atelierId: a.id,
        prenom: p.inscription.prenom,
        email: email ?? null,
        telephone: telephone ?? null,
        statut,
        jetonHash: empreinte(jeton),
        creeLe: p.maintenant,
      })
      .returning({ id: inscriptionAtelier.id });
    // Who registered stays out of the journal: the workshop and the outcome say enough.
    await journaliser(tx, p.acteur, {
      action: "atelier.inscription",
      cibleType: "atelier",
      cibleId: a.id,
      apres: { inscription: i!.id, statut },
    });
    const lien = `${p.urlPublique}/ateliers/annulation#${jeton}`;
    const mails = email
      ? await messagerie.mettreEnFileEnLot(tx, [
          {
            destinataire: email,
            objet:
              statut === "inscrite"
                ? `Inscription confirmée : ${a.titre}`
                : `Liste d'attente : ${a.titre}`,
            modele: "atelier.inscription",
            texte: courrielInscription(a, { prenom: p.inscription.prenom, statut, lien }),
          },
        ])
      : [];
    return reussite({ statut, jeton, mails });
  });
}

/**
 * Cancels the registration the link names; a place it frees goes to the first one waiting, who
 * is told. The link works once.
 */
export async function annulerInscription(
  db: Db,
  messagerie: Messagerie,
  p: { jeton: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ mails: string[] }>> {
  return db.transaction(async (tx) => {
    const [i] = await tx
      .select({
        id: inscriptionAtelier.id,
        atelierId: inscriptionAtelier.atelierId,
        statut: inscriptionAtelier.statut,
      })
      .from(inscriptionAtelier)
      .where(eq(inscriptionAtelier.jetonHash, empreinte(p.jeton)));
    if (!i || i.statut === "annulee") return introuvable(LIEN_ANNULATION_INVALIDE, "jeton");
    const a = await atelierOuvert(tx, i.atelierId, p.maintenant);
    if (!a) return conflit("jeton", "Cet atelier a déjà commencé ou a été annulé.");
    await tx
      .update(inscriptionAtelier)
      .set({ statut: "annulee", annuleLe: p.maintenant })
      .where(eq(inscriptionAtelier.id, i.id));
    await journaliser(tx, p.acteur, {
      action: "atelier.desinscription",
      cibleType: "atelier",
      cibleId: a.id,
      avant: { inscription: i.id, statut: i.statut },
    });
    if (i.statut !== "inscrite" || (await placesPrises(tx, a.id)) >= a.capacite)
      return reussite({ mails: [] });
    const [suivante] = await tx
      .select({
        id: inscriptionAtelier.id,
        prenom: inscriptionAtelier.prenom,
        email: inscriptionAtelier.email,
      })
      .from(inscriptionAtelier)
      .where(and(eq(inscriptionAtelier.atelierId, a.id), eq(inscriptionAtelier.statut, "attente")))
      .orderBy(asc(inscriptionAtelier.rang))
      .limit(1);
    if (!suivante) return reussite({ mails: [] });
    // Their cancellation link is the one of their registration: only its hash is kept.
    await tx
      .update(inscriptionAtelier)
      .set({ statut: "inscrite" })
      .where(eq(inscriptionAtelier.id, suivante.id));
    await journaliser(tx, p.acteur, {
      action: "atelier.liste_attente_promue",
      cibleType: "atelier",
      cibleId: a.id,
      apres: { inscription: suivante.id, statut: "inscrite" },
    });
    const mails = suivante.email
      ? await messagerie.mettreEnFileEnLot(tx, [
          {
            destinataire: suivante.email,
            objet: `Une place s'est libérée : ${a.titre}`,
            modele: "atelier.place_liberee",
            texte: courrielInscription(a, {
              prenom: suivante.prenom,
              statut: "inscrite",
              lien: null,
            }),
          },
        ])
      : [];
    return reussite({ mails });
  });
}

/** The conseiller's own workshop and its registrations, or why not: one read. */
export async function lireMonAtelier(db: Executeur, id: string, conseillerId: string) {
  const a = await monAtelier(db, id);
  if (!a) return introuvable(ATELIER_INTROUVABLE);
  if (a.conseillerId !== conseillerId) return interdit(ATELIER_D_UN_AUTRE);
  return reussite(a);
}
