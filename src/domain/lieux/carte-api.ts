import { z } from "zod";

/**
 * What the public map API answers: described in OpenAPI, checked on every response in tests,
 * and read by the map pages with `z.input`.
 */
const ouverture = z
  .object({ ouvert: z.boolean(), prochainChangement: z.string().nullable() })
  .nullable()
  .describe("État à l'instant, à l'heure du lieu ; null sans horaires lisibles");

const conseillers = {
  conseillers: z
    .array(z.object({ prenom: z.string(), nom: z.string() }))
    .describe("Conseillers numériques qui y travaillent et acceptent d'être nommés"),
  conseillersAnonymes: z.number().int().describe("Conseillers qui ont masqué leur nom"),
};

export const lieuCarteSchema = z.object({
  id: z.string(),
  nom: z.string(),
  adresse: z.string(),
  codePostal: z.string(),
  commune: z.string(),
  departementCode: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  distanceKm: z.number().nullable().describe("Distance au point demandé, arrondie à 100 m"),
  positionApproximative: z
    .boolean()
    .describe(
      "Vrai quand le lieu est placé au point de sa commune, son adresse n'ayant pas été localisée",
    ),
  services: z.array(z.string()),
  gratuit: z.boolean(),
  priseRdv: z.string().nullable(),
  telephone: z.string().nullable(),
  ouverture,
  ...conseillers,
});

export const lieuxDuPointSchema = z.object({
  lieux: z.array(lieuCarteSchema).describe("Du plus proche au plus lointain"),
  total: z.number().int().describe("Lieux dans le rayon avec ces filtres"),
  plusProche: lieuCarteSchema
    .nullable()
    .optional()
    .describe(
      "Quand aucun lieu n'est dans le rayon : le plus proche au-delà, avec sa distance (nul s'il n'y en a aucun)",
    ),
});

const liste = z.array(z.string());

export const ficheLieuSchema = z.object({
  id: z.string(),
  pivot: z.string(),
  nom: z.string(),
  adresse: z.string(),
  complementAdresse: z.string().nullable(),
  codePostal: z.string(),
  communeCode: z.string().nullable(),
  departementCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  commune: z.string(),
  positionApproximative: z.boolean(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  typologies: liste,
  telephone: z.string().nullable(),
  courriels: liste,
  sitesWeb: liste,
  horaires: z.string().nullable().describe("Horaires au format OSM opening_hours"),
  presentationResume: z.string().nullable(),
  presentationDetail: z.string().nullable(),
  source: z.string().nullable(),
  itinerance: liste,
  structureParente: z.string().nullable(),
  services: liste,
  publicsSpecifiquementAdresses: liste,
  priseEnChargeSpecifique: liste,
  fraisACharge: liste,
  dispositifProgrammesNationaux: liste,
  formationsLabels: liste,
  autresFormationsLabels: liste,
  modalitesAcces: liste,
  modalitesAccompagnement: liste,
  ficheAccesLibre: z.string().nullable(),
  priseRdv: z.string().nullable(),
  dateMaj: z.string().describe("Dernière mise à jour (AAAA-MM-JJ)"),
  ouverture,
  semaine: z
    .array(z.object({ jour: z.string(), creneaux: z.array(z.string()) }))
    .nullable()
    .describe("Créneaux d'ouverture de chaque jour, du lundi au dimanche"),
  ...conseillers,
});

const pointTerritoire = {
  code: z.string(),
  lieux: z.number().int(),
  latitude: z.number(),
  longitude: z.number(),
};

export const territoiresCarteSchema = z.object({
  regions: z.array(z.object(pointTerritoire)),
  departements: z.array(z.object({ ...pointTerritoire, nom: z.string(), regionCode: z.string() })),
});

export const rechercheSchema = z.object({
  resultats: z.array(
    z.object({
      libelle: z.string(),
      latitude: z.number().nullable().describe("Nul quand la position n'est pas connue"),
      longitude: z.number().nullable(),
      communeCode: z.string().nullable(),
      precision: z
        .enum(["adresse", "commune", "inconnue"])
        .describe(
          "adresse : point de l'adresse (BAN) ; commune : point de la commune ; inconnue : aucune distance ne peut être calculée",
        ),
      approximatif: z
        .boolean()
        .describe("Vrai quand le point est celui de la commune et non de ce qui a été cherché"),
    }),
  ),
  source: z.enum(["ban", "referentiel"]),
});

export const pointsCarteSchema = z.object({
  points: z
    .array(z.tuple([z.string(), z.number(), z.number()]))
    .describe("[identifiant, latitude, longitude] de chaque lieu"),
  complet: z.boolean().describe("Faux quand l'emprise contient plus de lieux que renvoyés"),
});

export type LieuCarte = z.input<typeof lieuCarteSchema>;
export type FicheLieu = z.input<typeof ficheLieuSchema>;
export type ResultatRecherche = z.input<typeof rechercheSchema>["resultats"][number];
export type TerritoiresCarte = z.input<typeof territoiresCarteSchema>;

/**
 * The map's background style, in the MapLibre style specification (v8): its members beyond
 * those named here are the specification's, passed through as they are.
 */
export const styleCarteSchema = z.looseObject({
  version: z.literal(8),
  name: z.string(),
  sources: z.record(z.string(), z.looseObject({ type: z.string() })),
  layers: z.array(z.looseObject({ id: z.string(), type: z.string() })),
});
