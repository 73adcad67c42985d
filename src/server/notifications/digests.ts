import { sql } from "drizzle-orm";
import {
  type CodeDigest,
  type FaitsPrefet,
  type FaitsStructure,
  texteDigestPrefet,
  texteDigestStructure,
} from "../../domain/notifications/digests.ts";
import type { Perimetre } from "../../domain/perimetre.ts";
import { couvreTerritoire } from "../../domain/perimetre.ts";
import { additionner, COMPTES_VIDES } from "../../domain/pilotage/indicateurs.ts";
import { ajouterJours, heureParis, jourParis } from "../../domain/temps.ts";
import { type Db, lignes } from "../db/client.ts";
import { departement, rappel } from "../db/schema.ts";
import type { Courriel, Messagerie } from "../infra/messagerie.ts";
import { comptesPostes } from "../pilotage/index.ts";

/** Digests leave after this hour (Paris): read with the morning's mail, not at midnight. */
const HEURE_ENVOI = 7;

/** The mail model of each digest, also the nature of its `rappel` line of the day. */
const MODELES: Record<CodeDigest, string> = {
  prefet: "digest_prefet",
  structure: "digest_structure",
};

type Destinataire = { habilitationId: string; email: string; perimetre: Perimetre };

/**
 * Active people of a role who did not turn this digest off and have not had today's yet: the
 * job runs every quarter of an hour, and computes nothing once everyone is served.
 */
function destinataires(db: Db, role: string, digest: CodeDigest, aujourdhui: string) {
  return lignes<Destinataire>(
    db,
    sql`select h.id as "habilitationId", u.email, h.perimetre
        from habilitation h join utilisateur u on u.id = h.utilisateur_id
        where h.role = ${role} and h.actif and u.actif
          and not (${digest} = any(u.digests_refuses))
          and not exists (select 1 from rappel r where r.nature = ${MODELES[digest]}
                          and r.cible_id = h.id and r.echeance = ${aujourdhui})`,
  );
}

async function digestsPrefets(db: Db, aujourdhui: string, depuis: Date, url: string) {
  const prefets = await destinataires(db, "prefet", "prefet", aujourdhui);
  if (prefets.length === 0) return [];
  const nouvelles = await lignes<{
    structure: string;
    departementCode: string;
    regionCode: string;
    postes: number;
  }>(
    db,
    sql`select s.nom as structure, s.departement_code as "departementCode",
          s.region_code as "regionCode", d.postes_demandes as postes
        from demande_postes d join structure s on s.id = d.structure_id
        where d.statut = 'deposee' and d.cree_le > ${depuis.toISOString()}
        order by d.cree_le`,
  );
  // Per département, the dashboard's own counts (same definitions of "overdue").
  const comptes = await comptesPostes(db, sql`true`, { decoupage: "departement", aujourdhui });
  const departements = await db
    .select({ code: departement.code, regionCode: departement.regionCode })
    .from(departement);
  const mails: { cible: string; courriel: Courriel }[] = [];
  for (const p of prefets) {
    const lieu = (x: { departementCode: string; regionCode: string }) =>
      couvreTerritoire(p.perimetre, x);
    const siens = additionner(
      departements
        .filter((d) => lieu({ departementCode: d.code, regionCode: d.regionCode }))
        .map((d) => ({ ...COMPTES_VIDES, ...comptes.get(d.code) })),
    );
    const faits: FaitsPrefet = {
      nouvellesDemandes: nouvelles.filter(lieu),
      demandesEnAttenteAvis: siens.demandesEnAttenteAvis,
      recrutementsEnRetard: siens.recrutementsEnRetard,
      contratsNonSignesEnRetard: siens.contratsNonSignesEnRetard,
    };
    const texte = texteDigestPrefet(faits, url);
    if (texte)
      mails.push({
        cible: p.habilitationId,
        courriel: {
          destinataire: p.email,
          modele: MODELES.prefet,
          objet: "Récapitulatif quotidien : demandes et échéances de votre territoire",
          texte,
        },
      });
  }
  return mails;
}

async function digestsStructures(db: Db, aujourdhui: string, depuis: Date, url: string) {
  const gestionnaires = await destinataires(db, "structure", "structure", aujourdhui);
  if (gestionnaires.length === 0) return [];
  const faits = await lignes<{
    structure_id: string;
    structure: string;
    postes: FaitsStructure["postesAPourvoir"] | null;
    signatures: FaitsStructure["signaturesAttendues"] | null;
    versements: FaitsStructure["versements"] | null;
  }>(
    db,
    sql`select s.id as structure_id, s.nom as structure,
          (select json_agg(json_build_object('echeance', p.date_limite_recrutement) order by p.date_limite_recrutement)
             from poste p where p.structure_id = s.id and p.statut = 'vacant'
              and p.date_limite_recrutement <= ${ajouterJours(aujourdhui, 7)}) as postes,
          (select json_agg(json_build_object('personne', u.prenom || ' ' || u.nom,
                    'echeance', k.date_limite_signature) order by k.date_limite_signature)
             from contrat k join utilisateur u on u.id = k.utilisateur_id
             where k.structure_id = s.id and k.statut = 'declare' and k.date_signature is null
              and k.date_limite_signature <= ${ajouterJours(aujourdhui, 3)}) as signatures,
          (select json_agg(json_build_object('montantCents', v.montant_cents, 'date', v.date,
                    'nature', v.nature) order by v.date)
             from versement v where v.structure_id = s.id and v.cree_le > ${depuis.toISOString()}) as versements
        from structure s
        where s.id in (select structure_id from habilitation where role = 'structure' and actif)`,
  );
  const parStructure = new Map(faits.map((f) => [f.structure_id, f]));
  const mails: { cible: string; courriel: Courriel }[] = [];
  for (const d of gestionnaires) {
    if (d.perimetre.type !== "structure") continue;
    const f = parStructure.get(d.perimetre.structureId);
    if (!f) continue;
    const texte = texteDigestStructure(
      {
        structure: f.structure,
        postesAPourvoir: (f.postes ?? []).map((p) => ({ echeance: String(p.echeance) })),
        signaturesAttendues: (f.signatures ?? []).map((s) => ({
          personne: s.personne,
          echeance: String(s.echeance),
        })),
        versements: (f.versements ?? []).map((v) => ({ ...v, date: String(v.date) })),
      },
      aujourdhui,
      url,
    );
    if (texte)
      mails.push({
        cible: d.habilitationId,
        courriel: {
          destinataire: d.email,
          modele: MODELES.structure,
          objet: `Récapitulatif quotidien de ${f.structure}`,
          texte,
        },
      });
  }
  return mails;
}

/**
 * The daily digests, once a day per habilitation after 7:00 (Paris): the `rappel` row and the
 * mail commit together, so that a second instance or a second run the same day sends nothing.
 */
export async function envoyerDigests(
  db: Db,
  messagerie: Messagerie,
  params: { maintenant: Date; urlPublique: string },
): Promise<number> {
  if (heureParis(params.maintenant) < HEURE_ENVOI) return 0;
  const aujourdhui = jourParis(params.maintenant);
  const depuis = new Date(params.maintenant.getTime() - 24 * 3600 * 1000);
  const mails = [
    ...(await digestsPrefets(db, aujourdhui, depuis, params.urlPublique)),
    ...(await digestsStructures(db, aujourdhui, depuis, params.urlPublique)),
  ];
  let envoyes = 0;
  for (const m of mails) {
    const ids = await db.transaction(async (tx) => {
      const pris = await tx
        .insert(rappel)
        .values({
          nature: m.courriel.modele,
          cibleId: m.cible,
          echeance: aujourdhui,
          niveau: "quotidien",
        })
        .onConflictDoNothing()
        .returning({ nature: rappel.nature });
      return pris.length === 0 ? null : [await messagerie.mettreEnFile(tx, m.courriel)];
    });
    if (!ids) continue;
    envoyes++;
    await messagerie.distribuer(ids);
  }
  return envoyes;
}
