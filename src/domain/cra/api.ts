import { z } from "zod";
import { personneNommeeSchema } from "../beneficiaires/api.ts";
import { instantSchema } from "../champs.ts";
import {
  DIMENSIONS_ACTIVITE,
  DIMENSIONS_PERSONNE,
  type DimensionActivite,
  type DimensionPersonne,
} from "./compteurs.ts";
import { CODES } from "./vocabulaire.ts";

/**
 * The answers of the CRA routes, used by the server (`response`) and read by the web app with
 * `z.input`: what travels in the JSON.
 */
const repartition = z.record(z.string(), z.number());

/** A line of the conseiller's list of reports. */
export const ligneMesCraSchema = z.object({
  id: z.string(),
  type: z.enum(CODES.types),
  date: z.string(),
  dureeMinutes: z.number(),
  typeLieu: z.enum(CODES.typesLieu),
  lieu: z.string().nullable(),
  commune: z.string().nullable(),
  nbParticipants: z.number(),
  // No constraint holds the themes of a historical report to today's list (docs/domaine/cra.md §5).
  thematiques: z.array(z.string()),
  titreAtelier: z.string().nullable(),
});

export const pageMesCraSchema = z.object({
  total: z.number(),
  cras: z.array(ligneMesCraSchema),
  page: z.number(),
  taillePage: z.number(),
});

/** A report as stored, for its editing form. */
export const craEnregistreSchema = z.object({
  id: z.string(),
  conseillerId: z.string(),
  structureId: z.string().nullable(),
  type: z.enum(CODES.types),
  public: z.enum(CODES.publics),
  date: z.string(),
  dureeMinutes: z.number(),
  typeLieu: z.enum(CODES.typesLieu),
  lieuId: z.string().nullable(),
  communeCode: z.string().nullable(),
  departementCode: z.string().nullable(),
  nbParticipants: z.number(),
  dejaAccompagnes: z.number(),
  ages: repartition,
  statuts: repartition,
  genres: repartition,
  thematiques: z.array(z.string()),
  precisionsDemarche: z.string().nullable(),
  materiel: z.array(z.string()),
  autonomie: z.string().nullable(),
  oriente: z.boolean(),
  structureRedirection: z.string().nullable(),
  titreAtelier: z.string().nullable(),
  niveau: z.string().nullable(),
  notes: z.string().nullable(),
  /** The raw values of a report imported from the first platform, as they were. */
  origineV1: z.record(z.string(), z.unknown()).nullable(),
  /** The followed persons it names, among those the reader may still read. */
  personnes: z.array(personneNommeeSchema),
  /** How many others it names that the reader may no longer read: they stay named. */
  personnesIllisibles: z.number(),
  creeLe: instantSchema,
  modifieLe: instantSchema,
});

/** What a creation, a change or a deletion answers: the report's id. */
export const craIdSchema = z.object({ id: z.string() });

export type PageMesCra = z.input<typeof pageMesCraSchema>;
export type LigneMesCra = z.input<typeof ligneMesCraSchema>;
export type CraEnregistre = z.input<typeof craEnregistreSchema>;

const serie = { activites: z.number(), accompagnements: z.number() };

/**
 * The statistics of a scope over a period (`/api/statistiques`, `/api/public/statistiques`):
 * totals, splits per dimension with their shares, and the 12-month and 30-day series.
 */
export const statistiquesSchema = z.object({
  totaux: z.object({
    activites: z.number(),
    accompagnements: z.number(),
    dejaAccompagnes: z.number(),
    nouvellesPersonnes: z.number(),
    dureeHeures: z.number(),
    orientations: z.number(),
  }),
  repartitions: z.record(
    z.enum(Object.keys(DIMENSIONS_ACTIVITE) as [DimensionActivite, ...DimensionActivite[]]),
    z.array(
      z.object({
        valeur: z.string(),
        libelle: z.string(),
        ...serie,
        /** Share of the unit's total, one decimal (themes may sum above 100). */
        partActivites: z.number(),
        partAccompagnements: z.number(),
      }),
    ),
  ),
  personnes: z.record(
    z.enum(Object.keys(DIMENSIONS_PERSONNE) as [DimensionPersonne, ...DimensionPersonne[]]),
    z.array(
      z.object({
        valeur: z.string(),
        libelle: z.string(),
        personnes: z.number(),
        part: z.number(),
      }),
    ),
  ),
  periode: z.object({ du: z.string(), au: z.string() }),
  parMois: z.array(z.object({ mois: z.string(), ...serie })),
  parJour: z.array(z.object({ jour: z.string(), ...serie })),
});
export type StatistiquesDuPerimetre = z.input<typeof statistiquesSchema>;

export type Statistiques = z.input<typeof statistiquesSchema>;
