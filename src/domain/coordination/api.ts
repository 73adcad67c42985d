import { z } from "zod";
import { codeParmi, instantSchema } from "../champs.ts";
import { TYPES_COORDINATION } from "./coordination.ts";
import { ETATS_EQUIPE } from "./equipe.ts";

/** One of the coordinator's reports, as "Mes coordinations" lists it. */
export const ligneCoordinationSchema = z.object({
  id: z.string(),
  type: codeParmi(TYPES_COORDINATION),
  date: z.string(),
  dureeMinutes: z.number(),
  participants: z.number(),
  thematiques: z.array(z.string()),
  titre: z.string().nullable(),
  commune: z.string().nullable(),
  nbParticipants: z.number().nullable(),
  partenaires: z.string().nullable(),
  structurePartenaire: z.string().nullable(),
  typePartenaire: z.string().nullable(),
  sujet: z.string().nullable(),
  notes: z.string().nullable(),
});

export const pageCoordinationsSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  coordinations: z.array(ligneCoordinationSchema),
});

/** A report as stored, to change it. */
export const coordinationEnregistreeSchema = z.object({
  id: z.string(),
  type: codeParmi(TYPES_COORDINATION),
  date: z.string(),
  dureeMinutes: z.number(),
  notes: z.string().nullable(),
  participantIds: z.array(z.string()),
  thematiques: z.array(z.string()),
  titre: z.string().nullable(),
  communeCode: z.string().nullable(),
  nbParticipants: z.number().nullable(),
  partenaires: z.string().nullable(),
  structurePartenaire: z.string().nullable(),
  typePartenaire: z.string().nullable(),
  sujet: z.string().nullable(),
});

/** The conseillers an animation may name. */
export const equipeSchema = z.array(
  z.object({
    id: z.string(),
    prenom: z.string(),
    nom: z.string(),
    /** Their employer, by its habilitation: the team's statistics filter on it. */
    structureId: z.string().nullable(),
    structure: z.string().nullable(),
  }),
);

/** Coordination figures of a scope over a period: their own unit, never accompaniments. */
export const chiffresCoordinationSchema = z.object({
  periode: z.object({ du: z.string(), au: z.string() }),
  parType: z.array(
    z.object({ type: codeParmi(TYPES_COORDINATION), nombre: z.number(), minutes: z.number() }),
  ),
  participantsEvenements: z.number(),
  conseillersAnimes: z.number(),
  partenaires: z.number(),
});

export type LigneCoordination = z.input<typeof ligneCoordinationSchema>;
export type CoordinationEnregistree = z.input<typeof coordinationEnregistreeSchema>;
export type ChiffresCoordination = z.input<typeof chiffresCoordinationSchema>;

/** One line of the coordinator's team, with its state. */
export const membreEquipeSchema = z.object({
  id: z.string(),
  email: z.string(),
  prenom: z.string().nullable(),
  nom: z.string().nullable(),
  etat: codeParmi(ETATS_EQUIPE),
  dernierCra: z.string().nullable(),
  inviteLe: instantSchema,
});

export const pageEquipeSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  membres: z.array(membreEquipeSchema),
});

/** The invitations waiting for the signed-in conseiller. */
export const invitationsRecuesSchema = z.array(
  z.object({ id: z.string(), coordinateur: z.string(), inviteLe: instantSchema }),
);

export type MembreEquipe = z.input<typeof membreEquipeSchema>;
