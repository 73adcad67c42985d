import { sql } from "drizzle-orm";
import { jourFr } from "../../domain/format.ts";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import { type Db, type Executeur, lignes } from "../db/client.ts";
import { rappel } from "../db/schema.ts";
import { acteurSysteme } from "../infra/journal.ts";
import type { Courriel, Messagerie } from "../infra/messagerie.ts";
import { terminerContratsEchus } from "../recrutement/index.ts";

/** One deadline to remind: what it is about, when it falls, who hears about it. */
type Echeance = {
  nature: string;
  cibleId: string;
  echeance: string;
  niveau: string;
  courriels: Courriel[];
};

/** The level reached today for a deadline, given the reminders' offsets in days before it. */
export function niveauAtteint(
  aujourdhui: string,
  echeance: string,
  avant: readonly number[],
): string | null {
  if (aujourdhui >= echeance) return "echeance";
  const proches = avant.filter((j) => aujourdhui >= ajouterJours(echeance, -j));
  return proches.length > 0 ? `j-${Math.min(...proches)}` : null;
}

type LignePoste = { id: string; echeance: string; structure: string; email: string | null };
type LigneContrat = {
  id: string;
  echeance: string;
  structure: string;
  email: string | null;
  personne: string;
  emailPersonne: string;
};

const mail = (destinataire: string | null, modele: string, objet: string, texte: string[]) =>
  destinataire ? [{ destinataire, modele, objet, texte: texte.join("\n") }] : [];

async function echeancesDuJour(tx: Executeur, aujourdhui: string, url: string) {
  const horizon = ajouterJours(aujourdhui, 62);
  const postes = await lignes<LignePoste>(
    tx,
    sql`select p.id, p.date_limite_recrutement::text as echeance, s.nom as structure, s.contact_email as email
        from poste p join structure s on s.id = p.structure_id
        where p.statut = 'vacant' and p.date_limite_recrutement <= ${horizon}`,
  );
  const signatures = await lignes<LigneContrat>(
    tx,
    sql`select k.id, k.date_limite_signature::text as echeance, s.nom as structure, s.contact_email as email,
          u.prenom || ' ' || u.nom as personne, u.email as "emailPersonne"
        from contrat k join structure s on s.id = k.structure_id join utilisateur u on u.id = k.utilisateur_id
        where k.statut = 'declare' and k.date_signature is null and k.date_limite_signature <= ${horizon}`,
  );
  const departs = await lignes<LigneContrat>(
    tx,
    sql`select f.id, (k.date_signature + 15)::text as echeance, s.nom as structure, s.contact_email as email,
          u.prenom || ' ' || u.nom as personne, u.email as "emailPersonne"
        from formation f join contrat k on k.id = f.contrat_id
        join structure s on s.id = k.structure_id join utilisateur u on u.id = f.utilisateur_id
        where f.statut = 'a_inscrire' and k.date_signature is not null`,
  );
  const fins = await lignes<LigneContrat>(
    tx,
    sql`select k.id, k.date_fin::text as echeance, s.nom as structure, s.contact_email as email,
          u.prenom || ' ' || u.nom as personne, u.email as "emailPersonne"
        from contrat k join structure s on s.id = k.structure_id join utilisateur u on u.id = k.utilisateur_id
        where k.statut = 'actif' and k.date_fin is not null and k.date_fin <= ${horizon}`,
  );
  const echeances: Echeance[] = [];
  for (const p of postes) {
    const niveau = niveauAtteint(aujourdhui, p.echeance, [7]);
    if (!niveau) continue;
    echeances.push({
      nature: "recrutement_poste",
      cibleId: p.id,
      echeance: p.echeance,
      niveau,
      courriels: mail(p.email, "rappel_recrutement", "Recrutement de votre conseiller numérique", [
        "Bonjour,",
        "",
        niveau === "echeance"
          ? `Le poste de conseiller numérique de « ${p.structure} » devait être pourvu au plus tard le ${jourFr(p.echeance)}.`
          : `Le poste de conseiller numérique de « ${p.structure} » doit être pourvu au plus tard le ${jourFr(p.echeance)}.`,
        `Consultez le vivier de candidats : ${url}/espace/structure/vivier`,
      ]),
    });
  }
  for (const c of signatures) {
    const niveau = niveauAtteint(aujourdhui, c.echeance, [3]);
    if (!niveau) continue;
    echeances.push({
      nature: "signature_contrat",
      cibleId: c.id,
      echeance: c.echeance,
      niveau,
      courriels: mail(c.email, "rappel_signature", "Signature du contrat de votre conseiller", [
        "Bonjour,",
        "",
        `Le contrat de ${c.personne} doit être signé au plus tard le ${jourFr(c.echeance)}.`,
        `Enregistrez la date de signature : ${url}/espace/structure/recrutements`,
      ]),
    });
  }
  for (const f of departs) {
    const niveau = niveauAtteint(aujourdhui, f.echeance, [3]);
    if (!niveau) continue;
    const texte = [
      "Bonjour,",
      "",
      `Le départ en formation initiale de ${f.personne} est attendu au plus tard le ${jourFr(f.echeance)}.`,
      "La structure inscrit son conseiller auprès de l'organisme de formation.",
    ];
    echeances.push({
      nature: "depart_formation",
      cibleId: f.id,
      echeance: f.echeance,
      niveau,
      courriels: [
        ...mail(f.email, "rappel_formation", "Départ en formation de votre conseiller", texte),
        ...mail(f.emailPersonne, "rappel_formation", "Votre départ en formation", texte),
      ],
    });
  }
  for (const c of fins) {
    const niveau = niveauAtteint(aujourdhui, c.echeance, [61, 30]);
    if (!niveau || niveau === "echeance") continue;
    const texte = [
      "Bonjour,",
      "",
      `Le contrat de ${c.personne} chez « ${c.structure} » se termine le ${jourFr(c.echeance)}.`,
      "La structure peut demander une prolongation ou déclarer un renouvellement.",
    ];
    echeances.push({
      nature: "fin_contrat",
      cibleId: c.id,
      echeance: c.echeance,
      niveau,
      courriels: [
        ...mail(c.email, "rappel_fin_contrat", "Fin prochaine d'un contrat", texte),
        ...mail(c.emailPersonne, "rappel_fin_contrat", "Fin prochaine de votre contrat", texte),
      ],
    });
  }
  return echeances;
}

/**
 * Reminders before and at each deadline, then contracts ending at their term. The `rappel`
 * row and its mails commit together; its unique key lets one instance only send each reminder.
 */
export async function traiterEcheances(
  db: Db,
  messagerie: Messagerie,
  params: { maintenant: Date; urlPublique: string },
): Promise<{ rappels: number; contratsTermines: number }> {
  const aujourdhui = jourParis(params.maintenant);
  const echeances = await echeancesDuJour(db, aujourdhui, params.urlPublique);
  let rappels = 0;
  for (const e of echeances) {
    const ids = await db.transaction(async (tx) => {
      const pris = await tx
        .insert(rappel)
        .values({ nature: e.nature, cibleId: e.cibleId, echeance: e.echeance, niveau: e.niveau })
        .onConflictDoNothing()
        .returning({ nature: rappel.nature });
      if (pris.length === 0) return null;
      return messagerie.mettreEnFileEnLot(tx, e.courriels);
    });
    if (!ids) continue;
    rappels++;
    await messagerie.distribuer(ids);
  }
  const contratsTermines = await terminerContratsEchus(db, {
    acteur: acteurSysteme("job:echeances", "job"),
    maintenant: params.maintenant,
  });
  return { rappels, contratsTermines };
}
