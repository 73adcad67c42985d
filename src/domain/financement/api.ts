import { z } from "zod";
import { instantSchema } from "../champs.ts";
import { NATURES_VERSEMENT } from "./versement.ts";

/**
 * The answers of the subsidy routes, used by the server (`response`) and read by the web app
 * with `z.input`. Amounts are whole cents.
 */
const montants = {
  droitCents: z.number(),
  appeleCents: z.number(),
  verseCents: z.number(),
  duCents: z.number(),
  tropPercuCents: z.number(),
};

/** A post of the ledger: its entitlement, what was called, paid, due and overpaid on a date. */
export const ligneGrandLivreSchema = z.object({
  ...montants,
  /** The last day whose entitlement the schedule calls for (end of the last full period). */
  arrete: z.string().nullable(),
  posteId: z.string(),
  structureId: z.string(),
  structure: z.string(),
  siret: z.string().nullable(),
  departementCode: z.string(),
  secteur: z.string(),
  statut: z.string(),
  dateAttribution: z.string(),
  plafondCents: z.number(),
  dureeMois: z.number(),
  periodes: z.array(z.object({ debut: z.string(), fin: z.string().nullable() })),
});

export const grandLivreSchema = z.object({
  au: z.string(),
  postes: z.array(ligneGrandLivreSchema),
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  /** The work queues, over the whole scope whatever the filter. */
  files: z.object({ aVerser: z.number(), tropPercu: z.number() }),
  totaux: z.object(montants),
});

/** A payment line, never changed: a mistake is corrected by a new line. */
export const versementVueSchema = z.object({
  id: z.string(),
  structureId: z.string(),
  posteId: z.string().nullable(),
  nature: z.enum(NATURES_VERSEMENT),
  montantCents: z.number(),
  date: z.string(),
  reference: z.string(),
  corrigeId: z.string().nullable(),
  motif: z.string().nullable(),
  creePar: z.string().nullable(),
  creeLe: instantSchema,
});
export const versementsSchema = z.array(versementVueSchema);

export type LigneGrandLivre = z.input<typeof ligneGrandLivreSchema>;
export type VersementVue = z.input<typeof versementVueSchema>;
