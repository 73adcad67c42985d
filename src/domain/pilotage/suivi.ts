import { z } from "zod";
import { personneEtEmployeur } from "../recrutement/api.ts";

/** One conseiller as their coordinator or structure follows them (`GET /api/pilotage/conseillers`). */
export const conseillerSuiviSchema = z.object({
  id: z.string(),
  ...personneEtEmployeur,
  dateDebut: z.string(),
  dernierCra: z.string().nullable(),
  activites30Jours: z.number(),
  formation: z.string().nullable(),
  ccp1: z.string().nullable(),
});
export type ConseillerSuivi = z.infer<typeof conseillerSuiviSchema>;

const conseillersSuivisSchema = z.array(conseillerSuiviSchema);
/** The whole list (API readers) or one page of it (the screen). */
export const suiviConseillersSchema = conseillersSuivisSchema.or(
  z.object({
    total: z.number(),
    page: z.number(),
    taillePage: z.number(),
    conseillers: conseillersSuivisSchema,
  }),
);
export const pageSuiviConseillersSchema = suiviConseillersSchema.options[1];
