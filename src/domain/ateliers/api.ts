import { z } from "zod";
import { codeParmi, instantSchema } from "../champs.ts";
import { NIVEAUX_ATELIER } from "../cra/vocabulaire.ts";
import { STATUTS_INSCRIPTION } from "./atelier.ts";

/** A workshop as the public reads it: never who registered, only how many places are left. */
export const atelierPublicSchema = z.object({
  id: z.string(),
  titre: z.string(),
  thematiques: z.array(z.string()),
  niveau: codeParmi(NIVEAUX_ATELIER),
  debut: instantSchema,
  dureeMinutes: z.number(),
  gratuit: z.boolean(),
  accessibilite: z.string().nullable(),
  capacite: z.number(),
  placesRestantes: z.number(),
  enAttente: z.number(),
  lieu: z.object({
    id: z.string(),
    nom: z.string(),
    adresse: z.string(),
    codePostal: z.string(),
    commune: z.string(),
  }),
});

export type AtelierPublic = z.input<typeof atelierPublicSchema>;

export const pageAteliersPublicsSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  ateliers: z.array(atelierPublicSchema),
});

/** What a registration answers: the place taken or the waiting list, and the link to cancel. */
export const inscriptionFaiteSchema = z.object({
  statut: codeParmi(STATUTS_INSCRIPTION),
  /** The secret of the cancellation link: shown once, its hash alone is kept. */
  jeton: z.string(),
});

export const annulationFaiteSchema = z.object({ ok: z.literal(true) });

/** A registration, as the conseiller who runs the workshop reads it. */
export const inscriptionVueSchema = z.object({
  id: z.string(),
  prenom: z.string(),
  email: z.string().nullable(),
  telephone: z.string().nullable(),
  statut: codeParmi(STATUTS_INSCRIPTION),
  present: z.boolean().nullable(),
  creeLe: instantSchema,
});

/** One of the conseiller's workshops, with its registrations. */
export const monAtelierSchema = atelierPublicSchema.extend({
  annuleLe: instantSchema.nullable(),
  craId: z.string().nullable(),
  /** Started by the platform's clock: attendance can be marked (docs/domaine/ateliers.md §6). */
  commence: z.boolean(),
  inscriptions: z.array(inscriptionVueSchema),
});

export type MonAtelier = z.input<typeof monAtelierSchema>;

export const pageMesAteliersSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  ateliers: z.array(atelierPublicSchema.extend({ annuleLe: instantSchema.nullable() })),
});

/** The attendance marked: the collective report made from it. */
export const presencesFaitesSchema = z.object({ craId: z.string(), participants: z.number() });

/** A structure's workshops: who runs each one besides. */
export const pageAteliersStructureSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  ateliers: z.array(
    atelierPublicSchema.extend({ annuleLe: instantSchema.nullable(), animePar: z.string() }),
  ),
});

/** Where a structure may announce a workshop today: a place and the conseiller who runs it. */
export const lieuxAtelierStructureSchema = z.object({
  lieux: z.array(
    z.object({
      lieuId: z.string(),
      lieu: z.string(),
      commune: z.string().nullable(),
      conseillerId: z.string(),
      conseiller: z.string(),
    }),
  ),
});
