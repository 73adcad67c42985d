import { z } from "zod";
import { codeParmi, instantSchema, ligneRejeteeSchema } from "../champs.ts";
import { CODES, GENRES, STATUTS_SOCIAUX } from "../cra/vocabulaire.ts";

/**
 * The answers of the followed persons' routes, used by the server (`response`) and read by the
 * web app with `z.input`.
 */
/** A followed person as a report names them: enough to recognise them, no more. */
export const personneNommeeSchema = z.object({
  id: z.string(),
  prenom: z.string().nullable(),
  nom: z.string(),
});

export const ligneBeneficiaireSchema = z.object({
  id: z.string(),
  prenom: z.string().nullable(),
  nom: z.string(),
  commune: z.string().nullable(),
  /** Whether the reader recorded the person (else a colleague shared them). */
  mien: z.boolean(),
  modifieLe: instantSchema,
});

export const pageBeneficiairesSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  beneficiaires: z.array(ligneBeneficiaireSchema),
});

/** One accompaniment in a person's timeline. */
export const accompagnementSchema = z.object({
  craId: z.string(),
  date: z.string(),
  type: z.enum(CODES.types),
  dureeMinutes: z.number(),
  thematiques: z.array(z.string()),
  typeLieu: z.enum(CODES.typesLieu),
  /** The place, or the commune of an activity elsewhere; null for a remote one. */
  lieu: z.string().nullable(),
  conseiller: z.string(),
  /** Whether the reader wrote the report (and may open it). */
  mien: z.boolean(),
});

export const ficheBeneficiaireSchema = z.object({
  id: z.string(),
  prenom: z.string().nullable(),
  nom: z.string(),
  anneeNaissance: z.number().nullable(),
  communeCode: z.string().nullable(),
  commune: z.string().nullable(),
  telephone: z.string().nullable(),
  sansTelephone: z.boolean(),
  email: z.string().nullable(),
  genre: codeParmi(GENRES).nullable(),
  statut: codeParmi(STATUTS_SOCIAUX).nullable(),
  notes: z.string().nullable(),
  partageStructure: z.boolean(),
  /** When and by whom the person was told what the data is for. */
  informeLe: instantSchema,
  informePar: z.string(),
  mien: z.boolean(),
  creeLe: instantSchema,
  modifieLe: instantSchema,
  /** Every report that names the person, latest first; at most 100, the total beside. */
  nbAccompagnements: z.number(),
  accompagnements: z.array(accompagnementSchema),
});

export type PersonneNommee = z.input<typeof personneNommeeSchema>;
export type PersonneSemblable = z.input<typeof semblablesSchema>[number];
export type LigneBeneficiaire = z.input<typeof ligneBeneficiaireSchema>;
export type Accompagnement = z.input<typeof accompagnementSchema>;
export type FicheBeneficiaire = z.input<typeof ficheBeneficiaireSchema>;

/** A person already followed who looks like the one being typed, and why. */
export const semblablesSchema = z.array(
  z.object({
    id: z.string(),
    prenom: z.string().nullable(),
    nom: z.string(),
    commune: z.string().nullable(),
    raison: z.enum(["telephone", "email", "nom"]),
    /** Trigram similarity of the names, from 0 to 1. */
    score: z.number(),
  }),
);

/** The conseillers employed today by the same structure: who may take over followed persons. */
export const colleguesSchema = z.array(
  z.object({ id: z.string(), prenom: z.string(), nom: z.string() }),
);

/** What a handover did: persons handed over, persons kept (they had not agreed to sharing). */
export const passationFaiteSchema = z.object({ transmises: z.number(), gardees: z.number() });

/**
 * What an import of followed persons did or would do: lines read, lines to create, lines of
 * persons already followed (skipped, an import run twice creates nobody twice), lines refused.
 */
export const rapportImportBeneficiairesSchema = z.object({
  lignes: z.number(),
  valides: z.number(),
  dejaSuivies: z.array(z.object({ ligne: z.number(), nom: z.string() })),
  applique: z.boolean(),
  rejetees: z.array(ligneRejeteeSchema),
});

export type RapportImportBeneficiaires = z.infer<typeof rapportImportBeneficiairesSchema>;
