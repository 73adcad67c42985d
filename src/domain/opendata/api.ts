import { z } from "zod";

/** The type of an open-data column, as its dictionary says it. */
export const TYPES_COLONNE = ["texte", "entier", "nombre", "date"] as const;

/**
 * The open-data catalogue (`/api/v1/donnees`): each data set, its data dictionary and its
 * generated files, read by the « Données ouvertes » page with `z.input`.
 */
export const catalogueSchema = z.array(
  z.object({
    nom: z.string(),
    titre: z.string(),
    description: z.string(),
    dictionnaire: z.array(
      z.object({ nom: z.string(), type: z.enum(TYPES_COLONNE), description: z.string() }),
    ),
    fichiers: z.array(
      z.object({
        format: z.string(),
        url: z.string(),
        lignes: z.number(),
        genereLe: z.iso.datetime({ offset: true }),
      }),
    ),
  }),
);
export type JeuDuCatalogue = z.input<typeof catalogueSchema>[number];

/** `GET /api/v1/postes`: posts granted and filled, and conseillers in post, per département and sector. */
export const postesParTerritoireSchema = z.object({
  territoires: z.array(
    z.object({
      region_code: z.string(),
      region: z.string(),
      departement_code: z.string(),
      departement: z.string(),
      secteur: z.string(),
      postes_attribues: z.number().int(),
      postes_pourvus: z.number().int(),
      conseillers_en_poste: z.number().int(),
    }),
  ),
  totaux: z.object({
    postes_attribues: z.number().int(),
    postes_pourvus: z.number().int(),
    conseillers_en_poste: z.number().int(),
  }),
});
