import { z } from "zod";

export const corpsErreurSchema = z.object({
  erreurs: z.array(z.object({ champ: z.string(), message: z.string() })),
});

/**
 * The page of a list asked in the query string (lists are paged on the server); optional where
 * a route without it answers the whole list, as it did before its screen was paged.
 */
export const pageOptionnelleSchema = z.coerce
  .number({ error: "La page doit être un nombre." })
  .int("La page doit être un nombre entier.")
  .min(1, "La page commence à 1.")
  .max(100_000, "Cette page n'existe pas.")
  .optional();

export const pageSchema = pageOptionnelleSchema.default(1);

/** The text typed in a list's search box. */
export const rechercheSchema = z
  .string()
  .trim()
  .max(100, "La recherche ne doit pas dépasser 100 caractères.")
  .optional();

/** The bytes of a downloaded file, as OpenAPI says it. */
const fichierSchema = z.string().meta({ format: "binary" });

/**
 * The answer of a download, described by its content types: the file travels as it is, never
 * through the JSON serializer.
 */
export function reponseFichier(
  description: string,
  types: readonly [string, ...string[]],
): { description: string; content: Record<string, { schema: unknown }> } {
  return {
    description,
    content: Object.fromEntries(types.map((type) => [type, { schema: fichierSchema }])),
  };
}
