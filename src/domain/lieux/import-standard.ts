import { z } from "zod";
import { PROGRAMMES_NATIONAUX } from "./carte.ts";
import {
  FRAIS,
  ITINERANCES,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PIVOT_INCONNU,
  PRISES_EN_CHARGE,
  PUBLICS_ADRESSES,
  pivotReel,
  SANS_PUBLIC,
  SERVICES,
  TYPOLOGIES,
} from "./lieu.ts";

/** What field files write for "unknown": all read as the placeholder. */
const PIVOTS_NON_RENSEIGNES = /^(|-|nc|n\/a|na|inconnu|non renseign[eé]e?|non communiqu[eé]e?)$/i;

/** Curly apostrophes and the La Poste label's two spellings are read as the standard's (docs/domaine/lieux-et-carte.md §1.2). */
const normaliser = (v: string) =>
  v
    .replaceAll("’", "'")
    .replace("Étapes numériques(La Poste)", "Étapes numériques (La Poste)")
    .trim();

/** A `|`-joined field (CSV) or a list (JSON), each value checked against the standard's enum. */
const multiple = (valeurs: readonly string[], champ: string) =>
  z.preprocess(
    (v) =>
      v === undefined || v === null || v === ""
        ? []
        : (Array.isArray(v) ? v : String(v).split("|"))
            .map((x) => normaliser(String(x)))
            .filter(Boolean),
    z
      .array(
        z.string().refine((x) => valeurs.includes(x), {
          error: (i) => `${champ} : « ${String(i.input)} » n'est pas une valeur du standard.`,
        }),
      )
      .transform((l) => [...new Set(l)]),
  );

const libre = z.preprocess(
  (v) =>
    v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : String(v).split("|"),
  z.array(z.string().trim().max(500)).transform((l) => l.filter(Boolean)),
);

const optionnel = (max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || String(v).trim() === "" ? null : String(v).trim()),
    z.string().max(max, `Au plus ${max} caractères.`).nullable(),
  );

const nombre = (min: number, max: number, champ: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? null : Number(v)),
    z
      .number({ error: `${champ} doit être un nombre.` })
      .min(min, `${champ} hors des limites WGS84.`)
      .max(max, `${champ} hors des limites WGS84.`)
      .nullable(),
  );

/** Phones in the schema's form: `+33…` (national `0X…` forms accepted and converted). */
const telephone = z.preprocess(
  (v) => {
    if (v === undefined || v === null || String(v).trim() === "") return null;
    const brut = String(v).replace(/[\s.-]/g, "");
    if (/^0\d{9}$/.test(brut)) return `+33${brut.slice(1)}`;
    if (/^0033\d{9}$/.test(brut)) return `+${brut.slice(2)}`;
    return brut;
  },
  z
    .string()
    .regex(
      /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)\d{6,9}$/,
      "Le téléphone n'est pas un numéro français valide.",
    )
    .nullable(),
);

/**
 * One record of a file in the national standard v1.0.2 (CSV or JSON), validated with a French
 * message per field; the rules of the standard's library apply (a place without services
 * receives no public).
 */
export const lieuStandardSchema = z
  .object({
    id: z.coerce.string().trim().min(1, "L'identifiant est obligatoire.").max(2704),
    pivot: z.preprocess(
      (v) => {
        const brut = v === undefined || v === null ? "" : String(v).trim();
        return PIVOTS_NON_RENSEIGNES.test(brut) ? PIVOT_INCONNU : brut.replace(/\s/g, "");
      },
      z
        .string()
        .regex(
          /^[a-zA-Z0-9]{9,14}$/,
          "Le pivot est un SIRET, un RNA ou une suite de 9 à 14 caractères.",
        ),
    ),
    nom: z.coerce.string().trim().min(1, "Le nom est obligatoire.").max(250),
    commune: z.coerce.string().trim().min(1, "La commune est obligatoire."),
    code_postal: z.coerce
      .string()
      .trim()
      .regex(/^\d{5}$/, "Le code postal compte 5 chiffres."),
    code_insee: optionnel(5).refine(
      (c) => c === null || /^([013-9]\d|2[AB1-9])\d{3}$/.test(c),
      "Le code INSEE de la commune est invalide.",
    ),
    adresse: z.coerce.string().trim().min(1, "L'adresse est obligatoire.").max(250),
    complement_adresse: optionnel(250),
    latitude: nombre(-90, 90, "La latitude"),
    longitude: nombre(-180, 180, "La longitude"),
    typologie: multiple(TYPOLOGIES, "Typologie"),
    telephone,
    courriels: libre,
    site_web: libre,
    horaires: optionnel(1000),
    presentation_resume: optionnel(280),
    presentation_detail: optionnel(5000),
    source: optionnel(200),
    itinerance: multiple(ITINERANCES, "Itinérance"),
    structure_parente: optionnel(250),
    date_maj: z.iso.date("La date de mise à jour s'écrit AAAA-MM-JJ."),
    services: multiple(SERVICES, "Services"),
    publics_specifiquement_adresses: multiple(PUBLICS_ADRESSES, "Publics"),
    prise_en_charge_specifique: multiple(PRISES_EN_CHARGE, "Prise en charge spécifique"),
    frais_a_charge: multiple(FRAIS, "Frais à charge"),
    dispositif_programmes_nationaux: multiple(PROGRAMMES_NATIONAUX, "Programmes nationaux"),
    formations_labels: libre,
    autres_formations_labels: libre,
    modalites_acces: multiple(MODALITES_ACCES, "Modalités d'accès"),
    modalites_accompagnement: multiple(MODALITES_ACCOMPAGNEMENT, "Modalités d'accompagnement"),
    fiche_acces_libre: optionnel(500),
    prise_rdv: optionnel(500),
  })
  .transform((l) => {
    // Map clients read 0 as an unknown position.
    const sansPosition = !l.latitude || !l.longitude;
    const base = {
      ...l,
      latitude: sansPosition ? null : l.latitude,
      longitude: sansPosition ? null : l.longitude,
    };
    return base.services.length === 0
      ? {
          ...base,
          publics_specifiquement_adresses: [],
          prise_en_charge_specifique: [],
          frais_a_charge: [],
          modalites_accompagnement: [],
          itinerance: [],
          modalites_acces: [SANS_PUBLIC],
        }
      : { ...base, modalites_acces: base.modalites_acces.filter((m) => m !== SANS_PUBLIC) };
  });
export type LieuStandardImporte = z.output<typeof lieuStandardSchema>;

/** Lists whose values exclude one another: "Gratuit" and "Payant" are never united. */
const EXCLUSIFS = ["frais_a_charge"] as const;

/** A value the merge set aside because the newest record says otherwise. */
export type Contradiction = { champ: string; garde: string; ecarte: string };

/**
 * Scalars from the newest record, lists united (the national ETL's merge, docs/domaine/lieux-et-carte.md §5), except lists
 * whose values contradict each other: there the newest record wins, and `contradictions`
 * receives what was set aside so the report can say so.
 */
export function fusionner(
  ancien: LieuStandardImporte,
  nouveau: LieuStandardImporte,
  contradictions: Contradiction[] = [],
): LieuStandardImporte {
  const [recent, autre] =
    nouveau.date_maj >= ancien.date_maj ? [nouveau, ancien] : [ancien, nouveau];
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  const fusion: LieuStandardImporte = {
    ...autre,
    ...Object.fromEntries(Object.entries(recent).filter(([, v]) => v !== null)),
  } as LieuStandardImporte;
  for (const cle of [
    "typologie",
    "courriels",
    "site_web",
    "itinerance",
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "dispositif_programmes_nationaux",
    "formations_labels",
    "autres_formations_labels",
    "modalites_accompagnement",
  ] as const)
    fusion[cle] = union(ancien[cle], nouveau[cle]);
  for (const cle of EXCLUSIFS) {
    const [garde, ecarte] = [recent[cle], autre[cle]];
    fusion[cle] = garde.length > 0 ? garde : ecarte;
    const differents = garde.length > 0 && ecarte.some((v) => !garde.includes(v));
    if (differents)
      contradictions.push({ champ: cle, garde: garde.join("|"), ecarte: ecarte.join("|") });
  }
  // A real pivot replaces the all-zero placeholder.
  if (!pivotReel(fusion.pivot))
    fusion.pivot = [ancien.pivot, nouveau.pivot].find(pivotReel) ?? fusion.pivot;
  fusion.modalites_acces = union(ancien.modalites_acces, nouveau.modalites_acces).filter(
    (m) => fusion.services.length === 0 || m !== SANS_PUBLIC,
  );
  return fusion;
}
