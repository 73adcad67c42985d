import { z } from "zod";
import { instantSchema } from "../champs.ts";
import { STATUTS_AMI, type StatutAmi } from "./ami.ts";
import { TYPES_JURIDIQUES, type TypeJuridique } from "./structure.ts";

/**
 * The answers of the calls and committee routes, used by the server (`response`) and read by
 * the web app with `z.input`.
 */
export const amiVueSchema = z.object({
  id: z.string(),
  titre: z.string(),
  ouverture: z.string(),
  cloture: z.string().nullable(),
  typesEligibles: z.array(
    z.enum(Object.keys(TYPES_JURIDIQUES) as [TypeJuridique, ...TypeJuridique[]]),
  ),
  statut: z.enum(Object.keys(STATUTS_AMI) as [StatutAmi, ...StatutAmi[]]),
  creeLe: instantSchema,
});
export const amisSchema = z.array(amiVueSchema);

/** A numbered session of the national selection committee (COSELEC). */
export const sessionComiteVueSchema = z.object({
  id: z.string(),
  numero: z.number(),
  date: z.string(),
});
export const sessionsComiteSchema = z.array(sessionComiteVueSchema);

export type AmiVue = z.input<typeof amiVueSchema>;
