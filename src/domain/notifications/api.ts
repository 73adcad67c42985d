import { z } from "zod";
import { instantSchema } from "../champs.ts";
import { STATUTS_COURRIEL } from "./courriels.ts";
import { CODES_DIGESTS, type CodeDigest } from "./digests.ts";

/**
 * A daily digest a person may receive, and whether they do: the answer of
 * `/api/moi/notifications`, read by the web app with `z.input`.
 */
export const preferenceSchema = z.object({
  code: z.enum(CODES_DIGESTS as [CodeDigest, ...CodeDigest[]]),
  libelle: z.string(),
  description: z.string(),
  actif: z.boolean(),
});
export const preferencesSchema = z.array(preferenceSchema);

export type Preference = z.input<typeof preferenceSchema>;

/** A mail the platform sent, without its text: the ANCT's delivery follow-up. */
export const courrielSuiviSchema = z.object({
  id: z.string(),
  destinataire: z.string(),
  objet: z.string(),
  modele: z.string(),
  statut: z.enum(STATUTS_COURRIEL),
  tentatives: z.number(),
  erreur: z.string().nullable(),
  creeLe: instantSchema,
  envoyeLe: instantSchema.nullable(),
  prochaineTentativeLe: instantSchema.nullable(),
});
export const pageCourrielsSchema = z.object({
  total: z.number(),
  parPage: z.number(),
  lignes: z.array(courrielSuiviSchema),
  /** The templates that have sent at least one mail (the list's filter). */
  modeles: z.array(z.string()),
});

export type CourrielSuivi = z.input<typeof courrielSuiviSchema>;
