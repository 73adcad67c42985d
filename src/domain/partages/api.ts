import { z } from "zod";
import { instantSchema } from "../champs.ts";
import { statistiquesSchema } from "../cra/api.ts";

/** A link just created: its address is given once, only its fingerprint is kept. */
export const lienCreeSchema = z.object({ id: z.string(), url: z.string() });

/** One of the author's links, as their page lists it. */
export const mesLiensSchema = z.array(
  z.object({
    id: z.string(),
    titre: z.string(),
    du: z.string(),
    au: z.string(),
    creeLe: instantSchema,
    expireLe: z.string().nullable(),
    revoqueLe: instantSchema.nullable(),
    /** Opened by a visitor today: not revoked, not expired, its author still holds the role. */
    actif: z.boolean(),
  }),
);

/** What an anonymous visitor reads: the title, whose scope (never a person), and the figures. */
export const statistiquesPartageesSchema = z.object({
  titre: z.string(),
  perimetre: z.string(),
  creeLe: instantSchema,
  expireLe: z.string().nullable(),
  statistiques: statistiquesSchema,
});

export type MonLien = z.input<typeof mesLiensSchema>[number];
export type StatistiquesPartagees = z.input<typeof statistiquesPartageesSchema>;
