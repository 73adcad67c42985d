import { z } from "zod";
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
