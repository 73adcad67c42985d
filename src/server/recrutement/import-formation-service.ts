import { eq, inArray, or } from "drizzle-orm";
import type { Erreur } from "../../domain/erreurs.ts";
import {
  PARCOURS_HEURES,
  resultatCertificationSchema,
  STATUTS_CERTIFICATION,
  type StatutCertification,
  type StatutFormation,
} from "../../domain/recrutement/formation.ts";
import { jourParis } from "../../domain/temps.ts";
import type { Db, Executeur } from "../db/client.ts";
import { formation, organismeFormation, utilisateur } from "../db/schema.ts";
import type { LigneBrute } from "../http/fichier-tableur.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { enregistrerCertification } from "./formation-service.ts";

export type RapportImportFormation = {
  lignes: number;
  valides: number;
  applique: boolean;
  rejetees: { ligne: number; erreurs: Erreur[] }[];
};

type LigneLue = {
  formationId: string;
  utilisateurId: string;
  statutActuel: StatutFormation;
  colonnes: Partial<typeof formation.$inferInsert>;
  certifications: Parameters<typeof enregistrerCertification>[1]["resultat"][];
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "15/03/2021" as providers write it, or ISO; anything else is refused by the caller. */
function lireDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const fr = v.match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
  return fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : v;
}

const ORDRE: StatutFormation[] = ["a_inscrire", "inscrite", "positionnee", "en_cours", "terminee"];

/**
 * Reads one row of a provider's file (docs/domaine/formation.md §4.3): the person by platform id, else by
 * e-mail, never by name; every problem of the row is reported, not just the first.
 */
function lireLigne(
  b: LigneBrute,
  aujourdhui: string,
  personnes: Map<
    string,
    { utilisateurId: string; formationId: string; statut: string; parcours: number | null }
  >,
  organismes: Map<string, string>,
): { ok: true; ligne: LigneLue } | { ok: false; erreurs: Erreur[] } {
  const erreurs: Erreur[] = [];
  const cle = (b.identifiant || b.email || "").trim().toLowerCase();
  const personne = personnes.get(cle);
  if (!cle) erreurs.push({ champ: "identifiant", message: "Identifiant ou e-mail manquant." });
  else if (!personne)
    erreurs.push({ champ: "identifiant", message: "Personne inconnue ou sans formation ouverte." });
  const colonnes: LigneLue["colonnes"] = {};
  if (b.organisme) {
    const id = organismes.get(b.organisme.trim().toLowerCase());
    if (!id)
      erreurs.push({ champ: "organisme", message: `Organisme inconnu : « ${b.organisme} ».` });
    else colonnes.organismeFormationId = id;
  }
  if (b.parcours_heures) {
    const h = Number(b.parcours_heures);
    if (!(PARCOURS_HEURES as readonly number[]).includes(h))
      erreurs.push({
        champ: "parcours_heures",
        message: "Le parcours doit être de 105, 280, 350 ou 420 heures.",
      });
    else colonnes.parcoursHeures = h;
  }
  const dates: [string, keyof typeof colonnes][] = [
    ["date_positionnement", "datePositionnement"],
    ["date_debut", "dateDebutReelle"],
    ["date_fin", "dateFinReelle"],
  ];
  for (const [champ, colonne] of dates) {
    const d = lireDate(b[champ]);
    if (d === undefined) continue;
    if (!DATE.test(d) || Number.isNaN(Date.parse(d)))
      erreurs.push({ champ, message: "Date invalide (JJ/MM/AAAA ou AAAA-MM-JJ)." });
    else if (d > aujourdhui) erreurs.push({ champ, message: "Date dans le futur." });
    else (colonnes as Record<string, unknown>)[colonne] = d;
  }
  if (
    colonnes.dateDebutReelle &&
    colonnes.dateFinReelle &&
    colonnes.dateFinReelle < colonnes.dateDebutReelle
  )
    erreurs.push({ champ: "date_fin", message: "La fin de formation précède son début." });
  if (b.heures_realisees) {
    const h = Number(b.heures_realisees);
    const parcours = colonnes.parcoursHeures ?? personne?.parcours ?? null;
    if (!Number.isInteger(h) || h < 0)
      erreurs.push({ champ: "heures_realisees", message: "Nombre d'heures invalide." });
    else if (parcours !== null && h > parcours)
      erreurs.push({
        champ: "heures_realisees",
        message: `Plus d'heures que le parcours (${parcours} h).`,
      });
    else colonnes.heuresRealisees = h;
  }
  const certifications: LigneLue["certifications"] = [];
  const schema = resultatCertificationSchema(aujourdhui);
  if (b.ccp1) {
    const statut = b.ccp1.trim().toLowerCase().replaceAll(" ", "_");
    if (!(statut in STATUTS_CERTIFICATION))
      erreurs.push({ champ: "ccp1", message: `Résultat de CCP1 inconnu : « ${b.ccp1} ».` });
    else {
      const r = schema.safeParse({
        type: "ccp1",
        statut: statut as StatutCertification,
        dateExamen: lireDate(b.date_ccp1) ?? null,
      });
      if (r.success) certifications.push(r.data);
      else erreurs.push(...r.error.issues.map((i) => ({ champ: "date_ccp1", message: i.message })));
    }
  }
  if (b.pix_1_1 || b.pix_4_1 || b.pix_4_2) {
    const r = schema.safeParse({
      type: "pix",
      dateExamen: lireDate(b.date_pix),
      niveaux: { "1.1": b.pix_1_1 ?? "", "4.1": b.pix_4_1 ?? "", "4.2": b.pix_4_2 ?? "" },
    });
    if (r.success) certifications.push(r.data);
    else
      erreurs.push(
        ...r.error.issues.map((i) => ({ champ: i.path.join(".") || "pix", message: i.message })),
      );
  }
  if (erreurs.length > 0 || !personne) return { ok: false, erreurs };
  return {
    ok: true,
    ligne: {
      formationId: personne.formationId,
      utilisateurId: personne.utilisateurId,
      statutActuel: personne.statut as StatutFormation,
      colonnes,
      certifications,
    },
  };
}

/** The furthest step the file proves, never going back on what the platform already holds. */
function statutApres(actuel: StatutFormation, c: LigneLue["colonnes"]): StatutFormation {
  if (!ORDRE.includes(actuel)) return actuel;
  const atteint: StatutFormation = c.dateFinReelle
    ? "terminee"
    : c.dateDebutReelle
      ? "en_cours"
      : c.parcoursHeures
        ? "positionnee"
        : c.organismeFormationId
          ? "inscrite"
          : actuel;
  return ORDRE.indexOf(atteint) > ORDRE.indexOf(actuel) ? atteint : actuel;
}

async function personnesConnues(tx: Executeur, brutes: LigneBrute[]) {
  const ids = brutes.map((b) => b.identifiant?.trim() ?? "").filter((v) => UUID.test(v));
  const emails = brutes.map((b) => b.email?.trim().toLowerCase() ?? "").filter(Boolean);
  const lignes =
    ids.length + emails.length === 0
      ? []
      : await tx
          .select({
            utilisateurId: utilisateur.id,
            email: utilisateur.email,
            formationId: formation.id,
            statut: formation.statut,
            parcours: formation.parcoursHeures,
          })
          .from(formation)
          .innerJoin(utilisateur, eq(utilisateur.id, formation.utilisateurId))
          .where(
            or(
              ids.length ? inArray(utilisateur.id, ids) : undefined,
              emails.length ? inArray(utilisateur.email, emails) : undefined,
            ),
          );
  const carte = new Map<string, (typeof lignes)[number]>();
  for (const l of lignes) {
    carte.set(l.utilisateurId.toLowerCase(), l);
    carte.set(l.email, l);
  }
  return carte;
}

/** Validates every row, reports, then applies all or nothing with one journal line per change. */
export async function importerResultatsFormation(
  db: Db,
  params: { brutes: LigneBrute[]; appliquer: boolean; acteur: Acteur; maintenant: Date },
): Promise<RapportImportFormation> {
  const aujourdhui = jourParis(params.maintenant);
  return db.transaction(async (tx) => {
    const personnes = await personnesConnues(tx, params.brutes);
    const organismes = new Map(
      (await tx.select().from(organismeFormation)).map((o) => [o.nom.toLowerCase(), o.id]),
    );
    const valides: LigneLue[] = [];
    const rejetees: RapportImportFormation["rejetees"] = [];
    params.brutes.forEach((b, i) => {
      const r = lireLigne(b, aujourdhui, personnes, organismes);
      if (r.ok) valides.push(r.ligne);
      // Line 1 is the header: the first row of data is line 2, as the spreadsheet shows it.
      else rejetees.push({ ligne: i + 2, erreurs: r.erreurs });
    });
    const applique = params.appliquer && rejetees.length === 0 && valides.length > 0;
    if (applique) {
      for (const l of valides) {
        const statut = statutApres(l.statutActuel, l.colonnes);
        if (Object.keys(l.colonnes).length > 0) {
          await tx
            .update(formation)
            .set({ ...l.colonnes, statut, modifieLe: params.maintenant })
            .where(eq(formation.id, l.formationId));
          await journaliser(tx, params.acteur, {
            action: "formation.importee",
            cibleType: "formation",
            cibleId: l.formationId,
            avant: { statut: l.statutActuel },
            apres: { ...l.colonnes, statut },
          });
        }
        for (const resultat of l.certifications) {
          await enregistrerCertification(tx, {
            utilisateurId: l.utilisateurId,
            resultat,
            acteur: params.acteur,
          });
        }
      }
    }
    return { lignes: params.brutes.length, valides: valides.length, applique, rejetees };
  });
}
