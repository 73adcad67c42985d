import { z } from "zod";
import { NIVEAUX } from "./indicateurs.ts";

/**
 * The answers of the steering routes, used by the server (`response`) and read by the web app
 * with `z.input`; the definitions of each figure are in `indicateurs.ts` and `enveloppe.ts`.
 */
const indicateursSchema = z.object({
  dotation: z.number(),
  dotationProposition: z.number(),
  pourvus: z.number(),
  recrutes: z.number(),
  recrutesPublic: z.number(),
  vacants: z.number(),
  vacanceJoursCumul: z.number(),
  vacanceJoursMax: z.number().nullable(),
  recrutementsEnRetard: z.number(),
  contratsNonSignesEnRetard: z.number(),
  actives: z.number(),
  actifs: z.number(),
  enFormation: z.number(),
  formes: z.number(),
  certifies: z.number(),
  demandesEnAttenteAvis: z.number(),
  activites: z.number(),
  accompagnements: z.number(),
  dejaAccompagnes: z.number(),
  vacanceJoursMoyenne: z.number().nullable(),
  partPublic: z.number().nullable(),
  inactifs: z.number(),
  tauxActivation: z.number().nullable(),
  personnes: z.number(),
});

export const tableauDeBordSchema = z.object({
  aujourdhui: z.string(),
  periode: z.object({ du: z.string(), au: z.string() }),
  decoupage: z.enum([...NIVEAUX, "total"]),
  total: indicateursSchema,
  lignes: z.array(indicateursSchema.extend({ code: z.string(), nom: z.string() })),
});

/** Posts granted (cumulated) and conseillers under contract at each month's end. */
export const tendanceSchema = z.object({
  mois: z.array(
    z.object({
      mois: z.string(),
      au: z.string(),
      postesAttribues: z.number(),
      conseillersSousContrat: z.number(),
    }),
  ),
});

const sommesEnveloppeSchema = z.object({
  postes: z.number(),
  accordeCents: z.number(),
  engageCents: z.number(),
  droitCents: z.number(),
  verseCents: z.number(),
  prevuCents: z.number(),
});

export const enveloppeSchema = z.object({
  aujourdhui: z.string(),
  enveloppeCents: z.number(),
  total: sommesEnveloppeSchema,
  lignes: z.array(sommesEnveloppeSchema.extend({ code: z.string(), nom: z.string() })),
});

export type LigneTableauDeBord = z.input<typeof tableauDeBordSchema>["lignes"][number];
