import { and, eq, inArray } from "drizzle-orm";
import { conflit, echec, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import type { Perimetre } from "../../domain/perimetre.ts";
import { LIBELLES_ROLES } from "../../domain/roles.ts";
import { DUREE_INVITATION_MS } from "../../domain/temps.ts";
import type { Invitation } from "../../domain/utilisateur.ts";
import { fermerSessionsUtilisateur } from "../access/index.ts";
import { creerJeton } from "../auth/index.ts";
import type { Db, Executeur } from "../db/client.ts";
import {
  commune,
  departement,
  habilitation,
  region,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import type { Messagerie } from "../infra/messagerie.ts";

/** Checks that the codes and ids a perimeter names exist, so no habilitation points nowhere. */
async function verifierPerimetre(tx: Executeur, p: Perimetre): Promise<string | null> {
  const manquants = async (
    table: typeof region | typeof departement | typeof commune,
    codes: string[],
  ) => {
    const trouves = await tx
      .select({ code: table.code })
      .from(table)
      .where(inArray(table.code, codes));
    return codes.filter((c) => !trouves.some((t) => t.code === c));
  };
  switch (p.type) {
    case "region":
    case "regions": {
      const m = await manquants(region, p.type === "region" ? [p.code] : p.codes);
      return m.length ? `Région inconnue : ${m.join(", ")}.` : null;
    }
    case "departement":
    case "departements": {
      const m = await manquants(departement, p.type === "departement" ? [p.code] : p.codes);
      return m.length ? `Département inconnu : ${m.join(", ")}.` : null;
    }
    case "communes": {
      const m = await manquants(commune, p.codes);
      return m.length ? `Commune inconnue : ${m.join(", ")}.` : null;
    }
    case "structure": {
      const [s] = await tx
        .select({ id: structure.id })
        .from(structure)
        .where(eq(structure.id, p.structureId));
      return s ? null : "Cette structure n'existe pas.";
    }
    case "conseillers": {
      const trouves = await tx
        .select({ id: habilitation.utilisateurId })
        .from(habilitation)
        .where(
          and(inArray(habilitation.utilisateurId, p.ids), eq(habilitation.role, "conseiller")),
        );
      const m = p.ids.filter((id) => !trouves.some((t) => t.id === id));
      return m.length ? `Ces identifiants ne sont pas des conseillers : ${m.join(", ")}.` : null;
    }
    default:
      return null;
  }
}

/**
 * Invites a user, or gives a new habilitation to an existing one. The invitation mail carries
 * a single-use token valid 28 days (docs/securite.md, règle 9); the mail ids are returned for delivery after commit.
 */
export async function inviterUtilisateur(
  db: Db,
  messagerie: Messagerie,
  params: ParametresInvitation,
): Promise<Resultat<ResultatInvitation>> {
  return db.transaction((tx) => inviterDansTransaction(tx, messagerie, params));
}

type ParametresInvitation = {
  invitation: Invitation;
  acteur: Acteur;
  maintenant: Date;
  urlPublique: string;
};
type ResultatInvitation = { utilisateurId: string; habilitationId: string; courriels: string[] };

/** The same invitation, inside a transaction another use case already holds (a committee decision). */
export async function inviterDansTransaction(
  tx: Executeur,
  messagerie: Messagerie,
  params: ParametresInvitation,
): Promise<Resultat<ResultatInvitation>> {
  const inv = params.invitation;
  const probleme = await verifierPerimetre(tx, inv.perimetre);
  if (probleme) return echec("perimetre", probleme);

  let [u] = await tx.select().from(utilisateur).where(eq(utilisateur.email, inv.email));
  const nouveau = !u;
  if (!u) {
    [u] = await tx
      .insert(utilisateur)
      .values({ email: inv.email, prenom: inv.prenom, nom: inv.nom, creeLe: params.maintenant })
      .returning();
    await journaliser(tx, params.acteur, {
      action: "utilisateur.invite",
      cibleType: "utilisateur",
      cibleId: u!.id,
      apres: { email: inv.email, prenom: inv.prenom, nom: inv.nom },
    });
  }
  const compte = u!;
  const existantes = await tx
    .select()
    .from(habilitation)
    .where(
      and(
        eq(habilitation.utilisateurId, compte.id),
        eq(habilitation.role, inv.role),
        eq(habilitation.actif, true),
      ),
    );
  if (existantes.some((h) => JSON.stringify(h.perimetre) === JSON.stringify(inv.perimetre))) {
    return echec("role", "Cette personne détient déjà cette habilitation.");
  }
  const [h] = await tx
    .insert(habilitation)
    .values({
      utilisateurId: compte.id,
      role: inv.role,
      perimetre: inv.perimetre,
      structureId: inv.perimetre.type === "structure" ? inv.perimetre.structureId : null,
    })
    .returning();
  await journaliser(tx, params.acteur, {
    action: "habilitation.ajoutee",
    cibleType: "utilisateur",
    cibleId: compte.id,
    apres: { habilitationId: h!.id, role: inv.role, perimetre: inv.perimetre },
  });
  // Sessions carry a resolved scope: a change of habilitations must not leave a stale one.
  await fermerSessionsUtilisateur(tx, compte.id);

  const valeur = await creerJeton(tx, {
    nature: "invitation",
    utilisateurId: compte.id,
    email: compte.email,
    maintenant: params.maintenant,
    dureeMs: DUREE_INVITATION_MS,
  });
  const lien = `${params.urlPublique}/invitation?jeton=${valeur}`;
  const id = await messagerie.mettreEnFile(tx, {
    destinataire: compte.email,
    modele: nouveau ? "invitation" : "nouvelle_habilitation",
    objet: nouveau
      ? "Invitation à la plateforme Conseillers numériques France Services"
      : "Nouvel accès sur la plateforme Conseillers numériques France Services",
    texte: [
      `Bonjour ${compte.prenom},`,
      "",
      `Vous avez reçu l'accès « ${LIBELLES_ROLES[inv.role]} » à la plateforme Conseillers numériques France Services.`,
      "Pour l'activer et vous connecter, ouvrez ce lien (valable 28 jours, une seule fois) :",
      lien,
      "",
      "Vous pourrez ensuite vous connecter avec ProConnect ou en recevant un lien par courriel.",
    ].join("\n"),
  });
  return reussite({ utilisateurId: compte.id, habilitationId: h!.id, courriels: [id] });
}

/** Disables or re-enables an account; a disabled account loses its sessions at once. */
export async function changerActivation(
  db: Db,
  params: { utilisateurId: string; actif: boolean; acteur: Acteur },
): Promise<Resultat<{ actif: boolean }>> {
  if (!params.actif && params.utilisateurId === params.acteur.utilisateurId) {
    return conflit("id", "Vous ne pouvez pas désactiver votre propre compte.");
  }
  return db.transaction(async (tx) => {
    const [avant] = await tx
      .select({ actif: utilisateur.actif })
      .from(utilisateur)
      .where(eq(utilisateur.id, params.utilisateurId))
      .for("update");
    if (!avant) return introuvable("Cet utilisateur n'existe pas.");
    if (avant.actif === params.actif) return reussite({ actif: params.actif });
    await tx
      .update(utilisateur)
      .set({ actif: params.actif })
      .where(eq(utilisateur.id, params.utilisateurId));
    if (!params.actif) await fermerSessionsUtilisateur(tx, params.utilisateurId);
    await journaliser(tx, params.acteur, {
      action: params.actif ? "utilisateur.reactive" : "utilisateur.desactive",
      cibleType: "utilisateur",
      cibleId: params.utilisateurId,
      avant: { actif: avant.actif },
      apres: { actif: params.actif },
    });
    return reussite({ actif: params.actif });
  });
}
