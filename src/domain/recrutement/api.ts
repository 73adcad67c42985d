import { z } from "zod";
import { codeParmi, instantSchema, ligneRejeteeSchema } from "../champs.ts";
import { ligneHistoriqueSchema } from "../historique.ts";
import { SITUATIONS, STATUTS_CANDIDATURE } from "./candidature.ts";
import { STATUTS_CONTRAT, TYPES_CONTRAT } from "./contrat.ts";
import { STATUTS_CERTIFICATION, STATUTS_FORMATION, TYPES_CERTIFICATION } from "./formation.ts";
import { STATUTS_MISE_EN_RELATION } from "./mise-en-relation.ts";
import { STATUTS_PROLONGATION, STATUTS_RUPTURE } from "./rupture.ts";

/**
 * The answers of the recruitment, contract and training routes, used by the server
 * (`response`) and read by the web app with `z.input`.
 */
const niveauxPix = z.record(z.string(), z.number()).nullable();
const situations = z.array(codeParmi(SITUATIONS));
const relation = codeParmi(STATUTS_MISE_EN_RELATION).nullable();

/** The candidate's own application, as the structures see it, with the CV. */
export const profilCandidatSchema = z.object({
  id: z.string(),
  statut: codeParmi(STATUTS_CANDIDATURE),
  prenom: z.string(),
  nom: z.string(),
  email: z.string(),
  telephone: z.string(),
  communeCode: z.string(),
  commune: z.string(),
  localisee: z.boolean(),
  situations,
  diplome: z.string(),
  dateDisponibilite: z.string(),
  distanceMaxKm: z.number(),
  motivation: z.string(),
  pix: niveauxPix,
  modificationEnAttente: z.boolean(),
  cv: z
    .object({
      nom: z.string(),
      taille: z.number(),
      deposeLe: instantSchema,
      expireLe: instantSchema,
    })
    .nullable(),
  creeLe: instantSchema,
});

/** A candidate of a structure's pool, closest first. */
export const candidatDuVivierSchema = z.object({
  id: z.string(),
  prenom: z.string(),
  nom: z.string(),
  commune: z.string().nullable(),
  codePostal: z.string().nullable(),
  situations,
  diplome: z.string().nullable(),
  dateDisponibilite: z.string(),
  distanceMaxKm: z.number(),
  pix: niveauxPix,
  distanceM: z.number(),
  relation,
});

export const vivierSchema = z.object({
  etat: z.enum(["ok", "sans_poste", "sans_adresse"]),
  candidats: z.array(candidatDuVivierSchema),
  total: z.number(),
  /** The pool holds more than `total` candidates (counted up to a ceiling). */
  totalAuMoins: z.boolean(),
  page: z.number(),
  taillePage: z.number(),
  /** The latest availability date the pool takes, when it has posts to fill. */
  echeanceDisponibilite: z.string().optional(),
});

/** A candidate's file, for a structure whose pool holds them. */
export const ficheCandidatSchema = z.object({
  id: z.string(),
  statut: codeParmi(STATUTS_CANDIDATURE),
  prenom: z.string(),
  nom: z.string(),
  email: z.string(),
  telephone: z.string().nullable(),
  communeCode: z.string().nullable(),
  situations,
  diplome: z.string().nullable(),
  dateDisponibilite: z.string(),
  distanceMaxKm: z.number(),
  motivation: z.string().nullable(),
  pix: niveauxPix,
  relation,
});

const formationDuContratSchema = z.object({
  id: z.string(),
  statut: codeParmi(STATUTS_FORMATION),
  organisme: z.string().nullable(),
  parcoursHeures: z.number().nullable(),
  dateDebutPrevue: z.string().nullable(),
  dateDebutReelle: z.string().nullable(),
  dateFinReelle: z.string().nullable(),
  heuresRealisees: z.number(),
  alertes: z.array(z.enum(["non_inscrite", "depart_tardif"])),
});

/** Who holds a contract and who employs them, as every list of conseillers shows it. */
export const personneEtEmployeur = {
  prenom: z.string(),
  nom: z.string(),
  email: z.string(),
  structureId: z.string(),
  structure: z.string(),
  departementCode: z.string(),
};

/** A contract of the reader's scope, with its open rupture, prolongation and training. */
export const ligneContratSchema = z.object({
  id: z.string(),
  statut: codeParmi(STATUTS_CONTRAT),
  type: codeParmi(TYPES_CONTRAT),
  dateDebut: z.string(),
  dateFin: z.string().nullable(),
  salaireBrutMensuelCents: z.number(),
  heuresHebdo: z.number(),
  coordinateur: z.boolean(),
  dateDeclaration: z.string(),
  dateLimiteSignature: z.string(),
  dateSignature: z.string().nullable(),
  motifFin: z.string().nullable(),
  dateFinEffective: z.string().nullable(),
  motifRefus: z.string().nullable(),
  renouvelleContratId: z.string().nullable(),
  posteId: z.string(),
  utilisateurId: z.string(),
  candidatureId: z.string().nullable(),
  ...personneEtEmployeur,
  rupture: z
    .object({
      id: z.string(),
      statut: codeParmi(STATUTS_RUPTURE),
      dateRupture: z.string(),
      motif: z.string(),
      documents: z.array(z.string()),
      commentaire: z.string().nullable(),
    })
    .nullable(),
  prolongation: z
    .object({
      id: z.string(),
      nouvelleDateFin: z.string(),
      salaireBrutMensuelCents: z.number().nullable(),
    })
    .nullable(),
  formation: formationDuContratSchema.nullable(),
  signatureEnRetard: z.boolean(),
});
export const lignesContratsSchema = z.array(ligneContratSchema);
export const pageContratsSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  contrats: lignesContratsSchema,
});

/** A post of the reader's scope; overdue is derived from today, never stored. */
export const lignePosteSchema = z.object({
  id: z.string(),
  statut: z.string(),
  coordinateur: z.boolean(),
  dateAttribution: z.string(),
  dateLimiteRecrutement: z.string(),
  structureId: z.string(),
  structure: z.string(),
  departementCode: z.string(),
  enRetard: z.boolean(),
});
export const lignesPostesSchema = z.array(lignePosteSchema);

/** A structure's recruitments: its contracts, posts and short-listed candidates. */
export const mesRecrutementsSchema = z.object({
  contrats: lignesContratsSchema,
  postes: lignesPostesSchema,
  preselectionnes: z.array(
    z.object({
      id: z.string(),
      prenom: z.string(),
      nom: z.string(),
      dateDisponibilite: z.string(),
    }),
  ),
  aujourdhui: z.string(),
});

export const statutContratSchema = z.object({ statut: codeParmi(STATUTS_CONTRAT) });
export const statutCandidatureSchema = z.object({ statut: codeParmi(STATUTS_CANDIDATURE) });
export const statutMiseEnRelationSchema = z.object({
  statut: codeParmi(STATUTS_MISE_EN_RELATION),
});
export const statutRuptureSchema = z.object({ statut: codeParmi(STATUTS_RUPTURE) });
export const statutProlongationSchema = z.object({ statut: codeParmi(STATUTS_PROLONGATION) });
export const statutFormationSchema = z.object({ statut: codeParmi(STATUTS_FORMATION) });
export const signatureSchema = z.object({ dateSignature: z.string() });
export const contratIdSchema = z.object({ contratId: z.string() });
export const ruptureIdSchema = z.object({ ruptureId: z.string() });

export const historiquePersonneSchema = z.object({
  personne: z.object({ id: z.string(), prenom: z.string(), nom: z.string() }),
  historique: z.array(ligneHistoriqueSchema),
});
export const historiquePosteSchema = z.object({
  poste: z.object({
    id: z.string(),
    statut: z.string(),
    coordinateur: z.boolean(),
    structure: z.string(),
    dateAttribution: z.string(),
    dateLimiteRecrutement: z.string(),
  }),
  historique: z.array(ligneHistoriqueSchema),
});

export const organismesFormationSchema = z.array(
  z.object({
    id: z.string(),
    nom: z.string(),
    siret: z.string().nullable(),
    regions: z.array(z.string()),
    modalite: z.string(),
    contact: z.string().nullable(),
  }),
);

/** A conseiller's training and exam attempts, latest first. */
export const maFormationSchema = z.object({
  formation: z
    .object({
      id: z.string(),
      contratId: z.string(),
      utilisateurId: z.string(),
      organismeFormationId: z.string().nullable(),
      statut: codeParmi(STATUTS_FORMATION),
      organisme: z.string().nullable(),
      modalite: z.string().nullable(),
      dateInscription: z.string().nullable(),
      datePositionnement: z.string().nullable(),
      parcoursHeures: z.number().nullable(),
      dateDebutPrevue: z.string().nullable(),
      dateFinPrevue: z.string().nullable(),
      dateDebutReelle: z.string().nullable(),
      dateFinReelle: z.string().nullable(),
      heuresRealisees: z.number(),
      motif: z.string().nullable(),
      creeLe: instantSchema,
      modifieLe: instantSchema,
    })
    .nullable(),
  certifications: z.array(
    z.object({
      id: z.string(),
      utilisateurId: z.string(),
      type: z.enum(TYPES_CERTIFICATION),
      statut: codeParmi(STATUTS_CERTIFICATION),
      dateExamen: z.string().nullable(),
      niveauxPix: niveauxPix,
      creeLe: instantSchema,
    }),
  ),
});

export const rapportImportFormationSchema = z.object({
  lignes: z.number(),
  valides: z.number(),
  applique: z.boolean(),
  rejetees: z.array(ligneRejeteeSchema),
});

export type ProfilCandidat = z.input<typeof profilCandidatSchema>;
export type CandidatDuVivier = z.input<typeof candidatDuVivierSchema>;
export type LigneContrat = z.input<typeof ligneContratSchema>;
export type LignePoste = z.input<typeof lignePosteSchema>;
export type MaFormation = z.input<typeof maFormationSchema>;
