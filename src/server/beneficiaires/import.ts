import { eq } from "drizzle-orm";
import type { RapportImportBeneficiaires } from "../../domain/beneficiaires/api.ts";
import {
  type Beneficiaire,
  beneficiaireSchema,
  cleDeNom,
  refusAnneeFuture,
} from "../../domain/beneficiaires/beneficiaire.ts";
import { GENRES, STATUTS_SOCIAUX } from "../../domain/cra/vocabulaire.ts";
import type { Erreur } from "../../domain/erreurs.ts";
import { jourParis } from "../../domain/temps.ts";
import { sansAccents } from "../../domain/texte.ts";
import type { Db } from "../db/client.ts";
import { beneficiaire } from "../db/schema.ts";
import { ErreurMetier } from "../http/erreurs.ts";
import type { LigneBrute } from "../http/fichier-tableur.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { resolveurDeCommunes } from "../referentiel/index.ts";
import { lecteurDuJour } from "./beneficiaires-queries.ts";
import { colonnes } from "./beneficiaires-service.ts";

/** A file of followed persons is a conseiller's list, not a national base: beyond, it is refused. */
export const LIGNES_MAX_IMPORT = 5_000;

/** A code, its label or a common way of writing it, compared without accents or case. */
function lecteurDeCodes<K extends string>(
  libelles: Record<K, string>,
  alias: Record<string, K>,
): (v: string) => K | null {
  const carte = new Map<string, K>();
  for (const [code, libelle] of Object.entries(libelles) as [K, string][]) {
    carte.set(sansAccents(code), code);
    carte.set(sansAccents(libelle), code);
  }
  for (const [a, code] of Object.entries(alias)) carte.set(a, code);
  return (v) => carte.get(sansAccents(v)) ?? null;
}

const genreDe = lecteurDeCodes(GENRES, {
  f: "feminin",
  femme: "feminin",
  h: "masculin",
  homme: "masculin",
  m: "masculin",
});
const statutDe = lecteurDeCodes(STATUTS_SOCIAUX, {
  scolarise: "scolarise",
  scolarisee: "scolarise",
  retraitee: "retraite",
  "en recherche d'emploi": "sans_emploi",
  demandeur: "sans_emploi",
});

const OUI = new Set(["oui", "o", "x", "1", "vrai", "true"]);
const NON = new Set(["", "non", "n", "0", "faux", "false"]);

/** The year a birth date or year gives: only the year is kept (beneficiaires.md §1). */
function annee(v: string | undefined): string | undefined {
  const t = v?.trim();
  if (!t) return undefined;
  return t.match(/^\d{1,2}\/\d{1,2}\/(\d{4})$/)?.[1] ?? t.match(/^(\d{4})-\d{2}-\d{2}$/)?.[1] ?? t;
}

/** The first of a column's usual headers that the line fills (« Date de naissance », « Mail »…). */
const colonne = (b: LigneBrute, ...noms: string[]) =>
  noms.map((n) => b[n]?.trim()).find((v) => v) ?? "";

type Lue = { ok: true; personne: Beneficiaire } | { ok: false; erreurs: Erreur[] };

/**
 * Imports a spreadsheet of followed persons (docs/domaine/beneficiaires.md §11): every line
 * checked as the form checks it, every problem of a line reported; applied only when asked and
 * when no line is refused, all in one transaction, each person journaled.
 */
export async function importerBeneficiaires(
  db: Db,
  p: {
    conseillerId: string;
    brutes: LigneBrute[];
    appliquer: boolean;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<RapportImportBeneficiaires> {
  if (p.brutes.length > LIGNES_MAX_IMPORT)
    throw new ErreurMetier(400, [
      {
        champ: "fichier",
        message: `Le fichier compte ${p.brutes.length} lignes : importez au plus ${LIGNES_MAX_IMPORT} personnes à la fois.`,
      },
    ]);
  const aujourdhui = jourParis(p.maintenant);
  return db.transaction(async (tx) => {
    const ecrites = p.brutes.map((b) => ({
      code_insee: colonne(b, "code_commune", "code_insee", "insee") || null,
      commune: colonne(b, "commune", "ville"),
      code_postal: colonne(b, "code_postal", "cp"),
    }));
    const resoudre = await resolveurDeCommunes(tx, ecrites);
    const lire = (b: LigneBrute, i: number): Lue => {
      const erreurs: Erreur[] = [];
      const e = ecrites[i]!;
      let communeCode: string | undefined;
      if (!e.code_insee && e.commune && !e.code_postal)
        erreurs.push({
          champ: "commune",
          message: `Indiquez le code postal de « ${e.commune} » (ou son code INSEE).`,
        });
      else if (e.code_insee || e.commune) {
        const r = resoudre(e);
        if ("commune" in r) communeCode = r.commune.code;
        else erreurs.push({ champ: "commune", message: r.erreur });
      }
      const genre = b.genre?.trim() ? genreDe(b.genre) : undefined;
      if (genre === null)
        erreurs.push({
          champ: "genre",
          message: `Genre inconnu : « ${b.genre} » (Féminin, Masculin).`,
        });
      const statut = b.statut?.trim() ? statutDe(b.statut) : undefined;
      if (statut === null)
        erreurs.push({
          champ: "statut",
          message: `Statut inconnu : « ${b.statut} » (Scolarisé(e), Sans emploi, En emploi, Retraité(e)).`,
        });
      const partage = sansAccents(b.partage ?? "");
      if (!OUI.has(partage) && !NON.has(partage))
        erreurs.push({ champ: "partage", message: "Le partage s'écrit « oui » ou « non »." });
      const lu = beneficiaireSchema.safeParse({
        prenom: colonne(b, "prenom"),
        nom: colonne(b, "nom", "nom_de_famille"),
        anneeNaissance: annee(
          colonne(
            b,
            "annee_naissance",
            "annee_de_naissance",
            "date_naissance",
            "date_de_naissance",
          ),
        ),
        telephone: colonne(b, "telephone", "tel", "portable"),
        email: colonne(
          b,
          "email",
          "e_mail",
          "mail",
          "courriel",
          "adresse_electronique",
        ).toLowerCase(),
        notes: colonne(b, "notes", "commentaire", "commentaires"),
        partageStructure: OUI.has(partage),
        // The conseiller certified, when sending the file, that every person was informed.
        informee: true,
        ...(communeCode ? { communeCode } : {}),
        ...(genre ? { genre } : {}),
        ...(statut ? { statut } : {}),
      });
      if (!lu.success)
        erreurs.push(
          ...lu.error.issues.map((x) => ({ champ: x.path.join("."), message: x.message })),
        );
      const future = lu.success ? refusAnneeFuture(lu.data.anneeNaissance, aujourdhui) : null;
      if (future) erreurs.push(...future.erreurs);
      return erreurs.length > 0 || !lu.success
        ? { ok: false, erreurs }
        : { ok: true, personne: lu.data };
    };
    // A person is the same as one already followed by this conseiller when the normalised name
    // and the year of birth (or its absence) are: an import run twice creates nobody twice.
    const cle = (nomNormalise: string, annee: number | null | undefined) =>
      `${nomNormalise}|${annee ?? ""}`;
    const dejaLa = new Set(
      (
        await tx
          .select({ n: beneficiaire.nomNormalise, a: beneficiaire.anneeNaissance })
          .from(beneficiaire)
          .where(eq(beneficiaire.conseillerId, p.conseillerId))
      ).map((x) => cle(x.n, x.a)),
    );
    const rapport: RapportImportBeneficiaires = {
      lignes: p.brutes.length,
      valides: 0,
      dejaSuivies: [],
      applique: false,
      rejetees: [],
    };
    const aCreer: Beneficiaire[] = [];
    const vues = new Map<string, number>();
    for (const [i, b] of p.brutes.entries()) {
      // Line 1 is the header: the first person is on line 2, as the spreadsheet shows it.
      const ligne = i + 2;
      const r = lire(b, i);
      if (!r.ok) {
        rapport.rejetees.push({ ligne, erreurs: r.erreurs });
        continue;
      }
      const k = cle(cleDeNom(r.personne.prenom, r.personne.nom), r.personne.anneeNaissance);
      const avant = vues.get(k);
      if (avant !== undefined) {
        rapport.rejetees.push({
          ligne,
          erreurs: [{ champ: "nom", message: `Même personne qu'à la ligne ${avant}.` }],
        });
        continue;
      }
      vues.set(k, ligne);
      if (dejaLa.has(k))
        rapport.dejaSuivies.push({
          ligne,
          nom: [r.personne.prenom, r.personne.nom].filter(Boolean).join(" "),
        });
      else aCreer.push(r.personne);
    }
    rapport.valides = aCreer.length;
    if (!p.appliquer || rapport.rejetees.length > 0 || aCreer.length === 0) return rapport;
    const { structureId } = await lecteurDuJour(tx, p.conseillerId, p.maintenant);
    const crees = await tx
      .insert(beneficiaire)
      .values(
        aCreer.map((b) => ({
          ...colonnes(b),
          conseillerId: p.conseillerId,
          structureId,
          informeLe: p.maintenant,
          informePar: p.conseillerId,
          creeLe: p.maintenant,
          modifieLe: p.maintenant,
        })),
      )
      .returning({ id: beneficiaire.id, partage: beneficiaire.partageStructure });
    for (const c of crees)
      await journaliser(tx, p.acteur, {
        action: "beneficiaire.cree",
        cibleType: "beneficiaire",
        cibleId: c.id,
        apres: { partageStructure: c.partage },
      });
    rapport.applique = true;
    return rapport;
  });
}
