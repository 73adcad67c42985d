import { z } from "zod";
import { codeParmi, instantSchema, ligneRejeteeSchema } from "../champs.ts";
import { ligneHistoriqueSchema } from "../historique.ts";
import { STATUTS_AMI, type StatutAmi } from "./ami.ts";
import { NATURES_DEMANDE, STATUTS_DEMANDE } from "./demande-postes.ts";
import { AVIS_PREFET, ISSUES_DECISION } from "./instruction.ts";
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

/** A request of the reader's territory, in the préfet's list. */
export const ligneDemandeSchema = z.object({
  id: z.string(),
  nature: codeParmi(NATURES_DEMANDE),
  statut: codeParmi(STATUTS_DEMANDE),
  postesDemandes: z.number(),
  creeLe: instantSchema,
  amiTitre: z.string().nullable(),
  structureId: z.string(),
  structureNom: z.string(),
  siret: z.string().nullable(),
  secteur: z.string(),
  commune: z.string(),
  departementCode: z.string(),
  /** The préfet's latest opinion, if any. */
  dernierAvis: z.string().nullable(),
});
export const pageDemandesSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  demandes: z.array(ligneDemandeSchema),
});

/** One request with its structure, opinions, decisions and the posts they granted. */
export const ficheDemandeSchema = z.object({
  demande: z.object({
    id: z.string(),
    structureId: z.string(),
    nature: codeParmi(NATURES_DEMANDE),
    statut: codeParmi(STATUTS_DEMANDE),
    postesDemandes: z.number(),
    motivation: z.string().nullable(),
    dateDebutSouhaitee: z.string().nullable(),
    coordinateur: z.string(),
    sessionComiteId: z.string().nullable(),
    creeLe: instantSchema,
  }),
  structure: z.object({
    nom: z.string(),
    siret: z.string().nullable(),
    secteur: z.string(),
    adresse: z.string().nullable(),
    departementCode: z.string(),
    contactPrenom: z.string().nullable(),
    contactNom: z.string().nullable(),
    contactEmail: z.string().nullable(),
  }),
  commune: z.string(),
  amiTitre: z.string().nullable(),
  avis: z.array(
    z.object({
      id: z.string(),
      avis: z.enum(AVIS_PREFET),
      commentaire: z.string(),
      creeLe: instantSchema,
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      issue: codeParmi(ISSUES_DECISION),
      postesAccordes: z.number(),
      creeLe: instantSchema,
    }),
  ),
  postes: z.array(
    z.object({ id: z.string(), dateLimiteRecrutement: z.string(), plafondCents: z.number() }),
  ),
});

/** A post of the reader's scope, with its recruitment deadline. */
export const lignePosteDuPerimetreSchema = z.object({
  id: z.string(),
  structureId: z.string(),
  structureNom: z.string(),
  siret: z.string().nullable(),
  commune: z.string(),
  departementCode: z.string(),
  coordinateur: z.boolean(),
  secteur: z.string(),
  plafondCents: z.number(),
  dureeMois: z.number(),
  dateAttribution: z.string(),
  dateLimiteRecrutement: z.string(),
  statut: z.string(),
  enRetard: z.boolean(),
});
export const pagePostesSchema = z.object({
  total: z.number(),
  page: z.number(),
  taillePage: z.number(),
  postes: z.array(lignePosteDuPerimetreSchema),
});

export type LigneDemande = z.input<typeof ligneDemandeSchema>;
export type FicheDemande = z.input<typeof ficheDemandeSchema>;
export type LignePosteDuPerimetre = z.input<typeof lignePosteDuPerimetreSchema>;

/** A structure of the scope: identity, requests, posts and dated, attributed history. */
export const ficheStructureSchema = z.object({
  structure: z.object({
    id: z.string(),
    nom: z.string(),
    siret: z.string().nullable(),
    typeJuridique: z.enum(Object.keys(TYPES_JURIDIQUES) as [TypeJuridique, ...TypeJuridique[]]),
    secteur: z.string(),
    adresse: z.string().nullable(),
    departementCode: z.string(),
    commune: z.string(),
  }),
  demandes: z.array(
    z.object({
      id: z.string(),
      nature: codeParmi(NATURES_DEMANDE),
      statut: codeParmi(STATUTS_DEMANDE),
      postesDemandes: z.number(),
      creeLe: instantSchema,
    }),
  ),
  postes: z.array(
    z.object({
      id: z.string(),
      coordinateur: z.boolean(),
      dateAttribution: z.string(),
      dateLimiteRecrutement: z.string(),
      statut: z.string(),
    }),
  ),
  historique: z.array(ligneHistoriqueSchema),
});

/** `GET /api/structures`: a page of the structures of the reader's scope, with the total. */
export const pageStructuresSchema = z.object({
  total: z.number(),
  structures: z.array(
    z.object({
      id: z.string(),
      nom: z.string(),
      siret: z.string().nullable(),
      secteur: z.string(),
      typeJuridique: z.string(),
      commune: z.string(),
      communeCode: z.string(),
      departementCode: z.string(),
      regionCode: z.string(),
      reseau: z.string().nullable(),
    }),
  ),
});
export type LigneStructure = z.input<typeof pageStructuresSchema>["structures"][number];

/** `POST /api/comites/import`: the report of a committee's decisions file. */
export const rapportImportDecisionsSchema = z.object({
  lignes: z.number(),
  valides: z.number(),
  postes: z.number(),
  applique: z.boolean(),
  rejetees: z.array(ligneRejeteeSchema),
});

/** `POST /api/structure/demandes`: the request of an avenant, created. */
export const demandeCreeeSchema = z.object({ demandeId: z.string() });
/** `POST /api/demandes/:id/avis`: the préfet's opinion, recorded. */
export const avisEnregistreSchema = z.object({ avisId: z.string() });
/** `POST /api/demandes/:id/decision`: the committee's decision and the posts it opened. */
export const decisionEnregistreeSchema = z.object({ decisionId: z.string(), postes: z.number() });
