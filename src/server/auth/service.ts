import { and, eq } from "drizzle-orm";
import type { Resultat } from "../../domain/erreurs.ts";
import { echec, reussite } from "../../domain/erreurs.ts";
import { DUREE_LIEN_MAGIQUE_MS } from "../../domain/temps.ts";
import { fermerSession, ouvrirSession } from "../access/index.ts";
import type { Db } from "../db/client.ts";
import { utilisateur } from "../db/schema.ts";
import { acteurSysteme, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { consommerJeton, creerJeton, jetonsRecents } from "./jetons.ts";
import { consignerConnexion } from "./journal-connexion.ts";

/** At most this many links per address per validity window: the inbox is not a free relay. */
const LIENS_MAX_PAR_FENETRE = 3;

export const REPONSE_DEMANDE_LIEN =
  "Si un compte actif correspond à cette adresse, un lien de connexion vient d'y être envoyé. Il est valable 15 minutes et ne sert qu'une fois.";

export const LIEN_INVALIDE =
  "Ce lien n'est plus valable : il a déjà servi ou il a expiré. Demandez un nouveau lien de connexion.";

/**
 * Sends a sign-in link when the address belongs to an active account. The caller answers the
 * same thing either way (docs/securite.md, règle 10); the mail ids are returned for delivery after commit.
 */
export async function demanderLienMagique(
  db: Db,
  messagerie: Messagerie,
  params: { email: string; maintenant: Date; urlPublique: string },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [u] = await tx
      .select()
      .from(utilisateur)
      .where(and(eq(utilisateur.email, params.email), eq(utilisateur.actif, true)));
    if (!u) return [];
    const recents = await jetonsRecents(tx, {
      email: params.email,
      nature: "connexion",
      depuis: new Date(params.maintenant.getTime() - DUREE_LIEN_MAGIQUE_MS),
    });
    if (recents >= LIENS_MAX_PAR_FENETRE) return [];
    const valeur = await creerJeton(tx, {
      nature: "connexion",
      utilisateurId: u.id,
      email: u.email,
      maintenant: params.maintenant,
      dureeMs: DUREE_LIEN_MAGIQUE_MS,
    });
    const lien = `${params.urlPublique}/connexion/lien?jeton=${valeur}`;
    const id = await messagerie.mettreEnFile(tx, {
      destinataire: u.email,
      modele: "lien_connexion",
      objet: "Votre lien de connexion - Conseillers numériques",
      texte: [
        `Bonjour ${u.prenom},`,
        "",
        "Pour vous connecter à la plateforme Conseillers numériques France Services, ouvrez ce lien :",
        lien,
        "",
        "Il est valable 15 minutes et ne fonctionne qu'une fois.",
        "Si vous n'avez pas demandé ce lien, ignorez ce message : personne ne pourra se connecter sans lui.",
      ].join("\n"),
    });
    return [id];
  });
}

/** Consumes a magic link or an invitation and opens a session; the old one, if any, is closed. */
export async function seConnecterParJeton(
  db: Db,
  params: {
    valeur: string;
    nature: "connexion" | "invitation";
    maintenant: Date;
    ip: string | null;
    ancienneSession: string | null;
  },
): Promise<Resultat<{ cookie: string; utilisateurId: string }>> {
  const methode = params.nature === "connexion" ? "lien_magique" : "invitation";
  const resultat = await db.transaction(async (tx) => {
    const utilisateurId = await consommerJeton(tx, {
      valeur: params.valeur,
      nature: params.nature,
      maintenant: params.maintenant,
    });
    if (!utilisateurId) return null;
    const [u] = await tx.select().from(utilisateur).where(eq(utilisateur.id, utilisateurId));
    if (!u?.actif) return null;
    if (params.nature === "invitation" && !u.invitationAccepteeLe) {
      await tx
        .update(utilisateur)
        .set({ invitationAccepteeLe: params.maintenant })
        .where(eq(utilisateur.id, u.id));
      await journaliser(
        tx,
        { ...acteurSysteme("utilisateur", "web"), utilisateurId: u.id },
        {
          action: "utilisateur.invitation_acceptee",
          cibleType: "utilisateur",
          cibleId: u.id,
          avant: { invitationAccepteeLe: null },
          apres: { invitationAccepteeLe: params.maintenant.toISOString() },
        },
      );
    }
    if (params.ancienneSession) await fermerSession(tx, params.ancienneSession);
    const cookie = await ouvrirSession(tx, {
      utilisateurId: u.id,
      methode,
      maintenant: params.maintenant,
    });
    await consignerConnexion(tx, {
      le: params.maintenant,
      methode,
      reussite: true,
      ip: params.ip,
      email: u.email,
      utilisateurId: u.id,
    });
    return { cookie, utilisateurId: u.id };
  });
  if (!resultat) {
    await consignerConnexion(db, {
      le: params.maintenant,
      methode,
      reussite: false,
      ip: params.ip,
      motifEchec: "jeton invalide, expiré ou déjà utilisé",
    });
    return echec("jeton", LIEN_INVALIDE);
  }
  return reussite(resultat);
}
