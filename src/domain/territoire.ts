import { z } from "zod";

/** Code INSEE of a commune: 5 characters, Corsica uses 2A/2B, overseas 97x/98x. */
export const codeCommuneSchema = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/, "Le code commune doit compter 5 caractères (ex. 62119, 2A004).");

/** Why a well-formed commune code is refused: it is not in the official reference. */
export const COMMUNE_INCONNUE = "Cette commune est inconnue du référentiel officiel.";

/** Département code; overseas collectivities use their own code (975, 977, 978, 986, 987, 988). */
export const codeDepartementSchema = z
  .string()
  .regex(/^(\d{2}|2[AB]|97\d|98\d)$/, "Le code département est invalide (ex. 62, 2A, 974).");

export const codeRegionSchema = z
  .string()
  .regex(/^(\d{2}|97\d|98\d)$/, "Le code région est invalide (ex. 32, 75, 04).");

/** A commune of the official reference, as `/api/communes` answers it. */
export const communeVueSchema = z.object({
  code: z.string(),
  nom: z.string(),
  departementCode: z.string(),
  codesPostaux: z.array(z.string()),
});
export const communesVuesSchema = z.array(communeVueSchema);

/** Régions and départements with their official codes, overseas included (`/api/territoires`). */
export const territoiresSchema = z.object({
  regions: z.array(z.object({ code: z.string(), nom: z.string() })),
  departements: z.array(z.object({ code: z.string(), nom: z.string(), regionCode: z.string() })),
});

export type CommuneVue = z.input<typeof communeVueSchema>;
export type Territoires = z.input<typeof territoiresSchema>;

/** `GET /api/adresses`: addresses of the national address base that begin with what was typed. */
export const adressesSuggereesSchema = z.array(
  z.object({
    libelle: z.string(),
    adresse: z.string(),
    codePostal: z.string(),
    communeCode: z.string(),
    commune: z.string(),
    latitude: z.number(),
    longitude: z.number(),
  }),
);
export type AdresseSuggeree = z.input<typeof adressesSuggereesSchema>[number];
