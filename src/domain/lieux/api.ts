import { z } from "zod";
import { ligneRejeteeSchema } from "../champs.ts";
import { NATURES_LIEU, type NatureLieu } from "./lieu.ts";

/**
 * The answers of a conseiller's places routes, used by the server (`response`) and read by the
 * web app with `z.input`: one description of « my place » for the places page, the CRA form
 * and the statistics filter.
 */
export const monLieuSchema = z.object({
  id: z.string(),
  nom: z.string(),
  adresse: z.string(),
  codePostal: z.string(),
  commune: z.string(),
  nature: z.enum(Object.keys(NATURES_LIEU) as [NatureLieu, ...NatureLieu[]]),
  /** Opening hours in the OpenStreetMap `opening_hours` syntax; null when not given. */
  horaires: z.string().nullable(),
  services: z.array(z.string()),
  visibleCarte: z.boolean(),
});
export const mesLieuxSchema = z.array(monLieuSchema);

/** A known place that looks like the one being created, with its likeness score. */
export const lieuProcheSchema = z.object({
  id: z.string(),
  nom: z.string(),
  adresse: z.string(),
  codePostal: z.string(),
  score: z.number(),
});
export const lieuxProchesSchema = z.array(lieuProcheSchema);

export const lieuAjouteSchema = z.object({ lieuId: z.string(), partage: z.boolean() });
export const affichageCarteSchema = z.object({ nomMasqueCarte: z.boolean() });

export type MonLieu = z.input<typeof monLieuSchema>;
export type LieuProche = z.input<typeof lieuProcheSchema>;

/** `POST /api/lieux/import`: the report of a places file, before or after it is applied. */
export const rapportImportLieuxSchema = z.object({
  lignes: z.number(),
  valides: z.number(),
  creees: z.number(),
  doublonsDuFichier: z.number(),
  applique: z.boolean(),
  contradictions: z.array(
    z.object({
      ligne: z.number(),
      nom: z.string(),
      champ: z.string(),
      garde: z.string(),
      ecarte: z.string(),
    }),
  ),
  fusionnees: z.array(z.object({ ligne: z.number(), lieuId: z.string(), nom: z.string() })),
  rejetees: z.array(ligneRejeteeSchema.extend({ valeurs: z.record(z.string(), z.string()) })),
});
