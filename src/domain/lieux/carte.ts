import { z } from "zod";
import { listeDeRequete } from "../champs.ts";
import { codeDepartementSchema, codeRegionSchema } from "../territoire.ts";
import { PRISES_EN_CHARGE, PUBLICS_ADRESSES, SERVICES } from "./lieu.ts";

/** `dispositif_programmes_nationaux` of the standard v1.0.2 (docs/domaine/lieux-et-carte.md §1.2). */
export const PROGRAMMES_NATIONAUX = [
  "Aidants Connect",
  "Bibliothèques numérique de référence",
  "Certification PIX",
  "Conseillers numériques",
  "Emmaüs Connect",
  "France Services",
  "Grande école du numérique",
  "La Croix Rouge",
  "Point d'accès numérique CAF",
  "Promeneurs du net",
  "Relais numérique (Emmaüs Connect)",
] as const;

export const RAYONS_KM = [5, 10, 20, 50, 100] as const;
export const RAYON_PAR_DEFAUT_KM = 20;

/** A filter of the standard's values, given once or repeated. */
const liste = <T extends readonly [string, ...string[]]>(valeurs: T, message: string) =>
  listeDeRequete(z.enum(valeurs, { error: message }), { max: valeurs.length });

const oui = z.preprocess(
  (v) => v === "1" || v === "true" || v === true,
  z.boolean(),
) as z.ZodType<boolean>;

/**
 * The map's filters, the same in the page's URL and in the public API: values OR-ed within a
 * filter, filters AND-ed together (docs/domaine/lieux-et-carte.md §4.3), enums from the standard's.
 */
export const filtresCarteSchema = z.object({
  services: liste(SERVICES, "Service inconnu du standard des lieux de médiation numérique."),
  publics: liste(PUBLICS_ADRESSES, "Public inconnu du standard."),
  priseEnCharge: liste(PRISES_EN_CHARGE, "Prise en charge inconnue du standard."),
  programmes: liste(PROGRAMMES_NATIONAUX, "Programme national inconnu du standard."),
  /** A territory the search stays in (an embedded map of a local authority). */
  departements: listeDeRequete(codeDepartementSchema, {
    max: 20,
    message: "Au plus 20 départements.",
  }),
  regions: listeDeRequete(codeRegionSchema, { max: 20, message: "Au plus 20 régions." }),
  gratuit: oui.optional(),
  ouvertMaintenant: oui.optional(),
  ouvertWeekEnd: oui.optional(),
  priseRdv: oui.optional(),
});
export type FiltresCarte = z.infer<typeof filtresCarteSchema>;

/** Nearest places around a point, within a radius (5 to 100 km). */
export const rechercheProximiteSchema = filtresCarteSchema.extend({
  lat: z.coerce
    .number({ error: "La latitude doit être un nombre." })
    .min(-90, "La latitude est comprise entre -90 et 90.")
    .max(90, "La latitude est comprise entre -90 et 90."),
  lon: z.coerce
    .number({ error: "La longitude doit être un nombre." })
    .min(-180, "La longitude est comprise entre -180 et 180.")
    .max(180, "La longitude est comprise entre -180 et 180."),
  rayon: z.coerce
    .number({ error: "Le rayon doit être un nombre de kilomètres." })
    .int("Le rayon est un nombre entier de kilomètres.")
    .min(5, "Le rayon est d'au moins 5 km.")
    .max(100, "Le rayon est d'au plus 100 km.")
    .default(RAYON_PAR_DEFAUT_KM),
  limite: z.coerce
    .number()
    .int()
    .min(1, "Demandez au moins un lieu.")
    .max(100, "Au plus 100 lieux par page.")
    .default(20),
});
export type RechercheProximite = z.infer<typeof rechercheProximiteSchema>;

/** Every place of a territory, by name (a page of 50): the API's listing by territory. */
export const rechercheTerritoireSchema = filtresCarteSchema
  .extend({
    page: z.coerce.number().int().min(1, "La première page est la page 1.").max(10_000).default(1),
  })
  .refine((f) => f.departements.length > 0 || f.regions.length > 0, {
    path: ["departements"],
    message: "Indiquez au moins un département (departements) ou une région (regions).",
  });
export type RechercheTerritoire = z.infer<typeof rechercheTerritoireSchema>;
export const TAILLE_PAGE_TERRITOIRE = 50;

/** The grid the map's requests snap to, in degrees (about 28 km north-south). */
const PAS_EMPRISE = 0.25;

/**
 * A viewport widened to the grid: people looking at the same area ask the same question, so one
 * cached answer serves them all, and a small pan asks nothing new.
 */
export function empriseAlignee(ouest: number, sud: number, est: number, nord: number): string {
  const bas = (x: number) => Math.floor(x / PAS_EMPRISE) * PAS_EMPRISE;
  const haut = (x: number) => Math.ceil(x / PAS_EMPRISE) * PAS_EMPRISE;
  return [bas(ouest), Math.max(-90, bas(sud)), haut(est), Math.min(90, haut(nord))].join(",");
}

/** Places of a bounding box (the map's viewport), west, south, east, north. */
export const rechercheEmpriseSchema = filtresCarteSchema.extend({
  emprise: z
    .string({ error: "Indiquez l'emprise de la carte : ouest,sud,est,nord en degrés." })
    .transform((s) => s.split(",").map(Number))
    .refine(
      (b) =>
        b.length === 4 &&
        b.every(Number.isFinite) &&
        b[0]! < b[2]! &&
        b[1]! < b[3]! &&
        b[1]! >= -90 &&
        b[3]! <= 90,
      "L'emprise s'écrit ouest,sud,est,nord en degrés, ouest avant est et sud avant nord.",
    ),
});

const CLES_LISTES = [
  "services",
  "publics",
  "priseEnCharge",
  "programmes",
  "departements",
  "regions",
] as const;
const CLES_OUI = ["gratuit", "ouvertMaintenant", "ouvertWeekEnd", "priseRdv"] as const;

/** The filters as a query string, in a stable order (shareable URLs, cache keys). */
export function filtresEnRequete(f: Partial<FiltresCarte>): URLSearchParams {
  const q = new URLSearchParams();
  for (const cle of CLES_LISTES) for (const v of f[cle] ?? []) q.append(cle, v);
  for (const cle of CLES_OUI) if (f[cle]) q.set(cle, "1");
  return q;
}

/** The filters a URL carries (a shared link shows the same list); none when unreadable. */
export function filtresDeRequete(q: URLSearchParams): FiltresCarte {
  const brut: Record<string, unknown> = {};
  for (const cle of CLES_LISTES) brut[cle] = q.getAll(cle);
  for (const cle of CLES_OUI) brut[cle] = q.get(cle) ?? undefined;
  const r = filtresCarteSchema.safeParse(brut);
  return r.success ? r.data : filtresCarteSchema.parse({});
}
