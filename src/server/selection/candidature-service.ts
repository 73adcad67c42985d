import { and, eq, gt, ne } from "drizzle-orm";
import { conflit, echec, type Resultat, reussite } from "../../domain/erreurs.ts";
import { candidaturePossible, type StatutAmi } from "../../domain/selection/ami.ts";
import { type CandidatureStructure, secteurDe } from "../../domain/selection/structure.ts";
import { jourParis } from "../../domain/temps.ts";
import { COMMUNE_INCONNUE } from "../../domain/territoire.ts";
import type { Db } from "../db/client.ts";
import { ami, commune, demandePostes, structure } from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { empreinte, jetonAleatoire } from "../infra/secrets.ts";
import { colonnesPosition, type Position } from "../referentiel/index.ts";
import { changerStatutDemande } from "./statut-demande.ts";

const DUREE_CONFIRMATION_MS = 7 * 24 * 60 * 60 * 1000;

export const REPONSE_CANDIDATURE =
  "Votre candidature est enregistrée. Pour la déposer, cliquez sur le lien envoyé à l'adresse du contact (valable 7 jours).";
export const DEJA_CANDIDATE = "Cette structure a déjà candidaté à cet appel.";

/**
 * A structure applies to a call: the structure row is found by SIRET or created, the request
 * waits for the contact's e-mail confirmation. One transaction; the mail leaves after commit.
 */
export async function deposerCandidature(
  db: Db,
  messagerie: Messagerie,
  params: {
    candidature: CandidatureStructure;
    acteur: Acteur;
    maintenant: Date;
    urlPublique: string;
    coordonnees: Position | null;
  },
): Promise<Resultat<{ demandeId: string; courriels: string[] }>> {
  const c = params.candidature;
  return db.transaction(async (tx) => {
    const [appel] = await tx.select().from(ami).where(eq(ami.id, c.amiId));
    if (!appel) return echec("amiId", "Cet appel n'existe pas.");
    const possible = candidaturePossible(
      { ...appel, statut: appel.statut as StatutAmi },
      c.typeJuridique,
      jourParis(params.maintenant),
    );
    if (!possible.ok) return possible;
    const [lieu] = await tx.select().from(commune).where(eq(commune.code, c.communeCode));
    if (!lieu) return echec("communeCode", COMMUNE_INCONNUE);

    let [existante] = await tx.select().from(structure).where(eq(structure.siret, c.identifiant));
    if (!existante) {
      [existante] = await tx
        .insert(structure)
        .values({
          siret: c.identifiant,
          nom: c.nom,
          typeJuridique: c.typeJuridique,
          secteur: secteurDe(c.typeJuridique),
          communeCode: lieu.code,
          departementCode: lieu.departementCode,
          regionCode: lieu.regionCode,
          adresse: c.adresse,
          ...colonnesPosition(params.coordonnees),
          contactPrenom: c.contact.prenom,
          contactNom: c.contact.nom,
          contactFonction: c.contact.fonction,
          contactEmail: c.contact.email,
          contactTelephone: c.contact.telephone,
        })
        .returning();
      await journaliser(tx, params.acteur, {
        action: "structure.creee",
        cibleType: "structure",
        cibleId: existante!.id,
        apres: {
          siret: c.identifiant,
          nom: c.nom,
          typeJuridique: c.typeJuridique,
          communeCode: lieu.code,
        },
      });
    }
    if (!existante!.contactEmail) {
      // A known structure without a contact (imported, or created by the demo) takes the
      // applicant's; an existing contact is never replaced from a public form.
      const contact = {
        adresse: existante!.adresse ?? c.adresse,
        contactPrenom: c.contact.prenom,
        contactNom: c.contact.nom,
        contactFonction: c.contact.fonction,
        contactEmail: c.contact.email,
        contactTelephone: c.contact.telephone,
      };
      [existante] = await tx
        .update(structure)
        .set(contact)
        .where(eq(structure.id, existante!.id))
        .returning();
      await journaliser(tx, params.acteur, {
        action: "structure.contact_renseigne",
        cibleType: "structure",
        cibleId: existante!.id,
        avant: { contactEmail: null },
        apres: contact,
      });
    }
    const s = existante!;
    const [doublon] = await tx
      .select({ id: demandePostes.id })
      .from(demandePostes)
      .where(
        and(
          eq(demandePostes.structureId, s.id),
          eq(demandePostes.amiId, appel.id),
          eq(demandePostes.nature, "initiale"),
          ne(demandePostes.statut, "annulee"),
        ),
      );
    if (doublon) return conflit("identifiant", DEJA_CANDIDATE);

    const jeton = jetonAleatoire();
    const [demande] = await tx
      .insert(demandePostes)
      .values({
        structureId: s.id,
        amiId: appel.id,
        nature: "initiale",
        statut: "en_attente_confirmation",
        creeLe: params.maintenant,
        postesDemandes: c.postesDemandes,
        dateDebutSouhaitee: c.dateDebutSouhaitee,
        motivation: c.motivation,
        coordinateur: c.coordinateur,
        confirmationHash: empreinte(jeton),
        confirmationExpireLe: new Date(params.maintenant.getTime() + DUREE_CONFIRMATION_MS),
      })
      .returning({ id: demandePostes.id });
    await journaliser(tx, params.acteur, {
      action: "demande.creee",
      cibleType: "demande_postes",
      cibleId: demande!.id,
      apres: {
        structureId: s.id,
        amiId: appel.id,
        nature: "initiale",
        statut: "en_attente_confirmation",
        postesDemandes: c.postesDemandes,
      },
    });
    const id = await messagerie.mettreEnFile(tx, {
      destinataire: c.contact.email,
      modele: "confirmation_candidature_structure",
      objet: "Confirmez la candidature de votre structure – Conseillers numériques",
      texte: [
        `Bonjour ${c.contact.prenom},`,
        "",
        `Une candidature de « ${c.nom} » à l'appel « ${appel.titre} » vient d'être saisie avec votre adresse.`,
        "Pour la déposer, ouvrez ce lien (valable 7 jours) :",
        `${params.urlPublique}/candidature-structure/confirmation?jeton=${jeton}`,
        "",
        "Si vous n'êtes pas à l'origine de cette candidature, ignorez ce message : elle ne sera pas déposée.",
      ].join("\n"),
    });
    return reussite({ demandeId: demande!.id, courriels: [id] });
  });
}

export const CONFIRMATION_INVALIDE =
  "Ce lien de confirmation n'est plus valable : la candidature est déjà déposée, ou le lien a expiré.";

/** The contact clicked the link: the application is filed (en_attente_confirmation → deposee). */
export async function confirmerCandidature(
  db: Db,
  params: { jeton: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ demandeId: string }>> {
  return db.transaction(async (tx) => {
    const [demande] = await tx
      .select()
      .from(demandePostes)
      .where(
        and(
          eq(demandePostes.confirmationHash, empreinte(params.jeton)),
          gt(demandePostes.confirmationExpireLe, params.maintenant),
        ),
      )
      .for("update");
    if (!demande) return echec("jeton", CONFIRMATION_INVALIDE);
    const t = await changerStatutDemande(
      tx,
      demande,
      { type: "confirmer_courriel" },
      {
        acteur: params.acteur,
        maintenant: params.maintenant,
        action: "demande.deposee",
        colonnes: { confirmationHash: null, confirmationExpireLe: null },
      },
    );
    if (!t.ok) return echec("jeton", CONFIRMATION_INVALIDE);
    return reussite({ demandeId: demande.id });
  });
}
