import { z } from "zod";
import { codeParmi, instantSchema } from "../champs.ts";
import { GENRES, STATUTS_SOCIAUX } from "../cra/vocabulaire.ts";

/**
 * The answers of the followed persons' routes, used by the server (`response`) and read by the
 * web app with `z.input`.
 */
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
});

export type PersonneSemblable = z.input<typeof semblablesSchema>[number];
export type LigneBeneficiaire = z.input<typeof ligneBeneficiaireSchema>;
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
