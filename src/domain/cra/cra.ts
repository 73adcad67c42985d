import { z } from "zod";
import { echec, type Refus } from "../erreurs.ts";
import {
  AUTONOMIES,
  CODES,
  DEBUT_DISPOSITIF,
  GENRES,
  NIVEAUX_ATELIER,
  PUBLICS,
  STATUTS_SOCIAUX,
  STRUCTURES_REDIRECTION,
  THEMATIQUES,
  THEMATIQUES_DEMARCHES,
  type Thematique,
  TRANCHES_AGE,
  TYPES_ACTIVITE,
  TYPES_LIEU,
} from "./vocabulaire.ts";

export const DUREES_PREDEFINIES = [15, 30, 45, 60, 90, 120] as const;
export const PARTICIPANTS_MAX_ATELIER = 100;
export const NOTES_MAX = 2_000;

/** A closed enum with one French message when the value is missing or unknown. */
const choix = <T extends Record<string, string>>(libelles: T, message: string) =>
  z.enum(Object.keys(libelles) as [keyof T & string, ...(keyof T & string)[]], {
    error: message,
  });

/** Counts per value of one breakdown; values left out count as zero. */
const repartition = <T extends Record<string, string>>(libelles: T, nom: string) =>
  z
    .partialRecord(
      choix(libelles, `Valeur inconnue dans la répartition ${nom}.`),
      z.coerce
        .number()
        .int(`Les effectifs ${nom} sont des nombres entiers.`)
        .min(0, `Les effectifs ${nom} ne peuvent pas être négatifs.`)
        .max(PARTICIPANTS_MAX_ATELIER, `Les effectifs ${nom} dépassent le nombre de participants.`),
    )
    .default({});

const NOMS_REPARTITIONS = {
  ages: "des tranches d'âge",
  statuts: "des statuts",
  genres: "des genres",
} as const;

/** Fields a type of activity does not have (docs/domaine/cra.md §4). */
const CHAMPS_PAR_TYPE = {
  autonomie: ["individuel", "ponctuel"],
  titreAtelier: ["collectif"],
  niveau: ["collectif"],
} as const;

const NOMMES_EN_TROP =
  "Un compte rendu ne nomme pas plus de personnes suivies qu'il n'a de participants.";

export const DATE_FUTURE = "La date ne peut pas être dans le futur.";

/**
 * The activity report as the conseiller enters it and the server checks it (docs/domaine/cra.md §4, §4.1).
 * The conseiller, the employer and the commune of a place come from the server, never from
 * here. With `aujourdhui` (the day in Paris), a date after it is refused too, next to the
 * other fields' errors: the form's check. Without it, the schema is the API's body, the same
 * every day, and the service refuses a future date (`refusDateFuture`).
 */
export function craSchema(aujourdhui?: string) {
  return z
    .object({
      /**
       * Made on the device when the report is saved without a network (docs/domaine/cra.md §8):
       * sent twice, it is the same report. Absent, the server makes one; a change ignores it.
       */
      id: z.uuid("L'identifiant du compte rendu est invalide.").optional(),
      type: choix(TYPES_ACTIVITE, "Le type d'activité est obligatoire."),
      public: choix(PUBLICS, "Le public est invalide.").default("particulier"),
      date: z.iso
        .date("La date est obligatoire (AAAA-MM-JJ).")
        .refine((d) => aujourdhui === undefined || d <= aujourdhui, DATE_FUTURE)
        .refine(
          (d) => d >= DEBUT_DISPOSITIF,
          "La date doit être postérieure au début du dispositif (17/11/2020).",
        ),
      dureeMinutes: z.coerce
        .number({ error: "La durée est obligatoire." })
        .int("La durée doit être comprise entre 1 minute et 23 h 59.")
        .min(1, "La durée doit être comprise entre 1 minute et 23 h 59.")
        .max(1439, "La durée doit être comprise entre 1 minute et 23 h 59."),
      typeLieu: choix(TYPES_LIEU, "Le type de lieu est obligatoire."),
      lieuId: z.uuid("Choisissez un de vos lieux d'activité.").nullable().default(null),
      communeCode: z
        .string()
        .regex(/^(\d{5}|2[AB]\d{3})$/, "La commune est obligatoire pour ce type de lieu.")
        .nullable()
        .default(null),
      nbParticipants: z.coerce
        .number({ error: "Le nombre de participants est obligatoire." })
        .int(`Le nombre de participants doit être compris entre 1 et ${PARTICIPANTS_MAX_ATELIER}.`)
        .default(1),
      dejaAccompagnes: z.coerce
        .number()
        .int("Le nombre de personnes déjà accompagnées est un entier.")
        .min(0, "Le nombre de personnes déjà accompagnées ne peut pas être négatif.")
        .max(
          PARTICIPANTS_MAX_ATELIER,
          "Le nombre de personnes déjà accompagnées dépasse celui des participants.",
        )
        .default(0),
      ages: repartition(TRANCHES_AGE, "des tranches d'âge"),
      statuts: repartition(STATUTS_SOCIAUX, "des statuts"),
      genres: repartition(GENRES, "des genres"),
      thematiques: z
        .array(choix(THEMATIQUES, "Thématique inconnue."))
        .min(1, "Sélectionnez au moins une thématique."),
      precisionsDemarche: z.string().trim().max(500).nullable().default(null),
      materiel: z.array(z.enum(CODES.materiels, { error: "Matériel inconnu." })).default([]),
      autonomie: choix(AUTONOMIES, "L'autonomie est invalide.").nullable().default(null),
      oriente: z.boolean().default(false),
      structureRedirection: choix(
        STRUCTURES_REDIRECTION,
        "La structure d'orientation est invalide.",
      )
        .nullable()
        .default(null),
      titreAtelier: z.string().trim().max(200).nullable().default(null),
      niveau: choix(NIVEAUX_ATELIER, "Le niveau est invalide.").nullable().default(null),
      /**
       * The followed persons the report names (docs/domaine/beneficiaires.md §4): their counts
       * are derived from them by the server, the others stay anonymous.
       */
      /**
       * The orientation this accompaniment answers (docs/domaine/orientations.md §4): the report
       * records where the person came from, and the orientation ends « personne accompagnée ».
       */
      orientationId: z.uuid("L'orientation est invalide.").nullable().default(null),
      beneficiaireIds: z
        .array(z.uuid("Une des personnes nommées est invalide."))
        .max(PARTICIPANTS_MAX_ATELIER, NOMMES_EN_TROP)
        .default([]),
      notes: z
        .string()
        .trim()
        .max(NOTES_MAX, `Les notes ne doivent pas dépasser ${NOTES_MAX} caractères.`)
        .refine((t) => !/<[a-z/!]/i.test(t), "Les notes sont du texte simple, sans balises.")
        .nullable()
        .default(null),
    })
    .strict()
    .superRefine((c, ctx) => {
      const erreur = (path: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [path], message });
      if (c.typeLieu === "lieu_activite" && !c.lieuId)
        erreur("lieuId", "Choisissez un de vos lieux d'activité.");
      if ((c.typeLieu === "domicile" || c.typeLieu === "autre") && !c.communeCode)
        erreur("communeCode", "La commune est obligatoire pour ce type de lieu.");
      const max = c.type === "collectif" ? PARTICIPANTS_MAX_ATELIER : 1;
      if (c.nbParticipants < 1 || c.nbParticipants > max)
        erreur(
          "nbParticipants",
          c.type === "collectif"
            ? `Le nombre de participants doit être compris entre 1 et ${PARTICIPANTS_MAX_ATELIER}.`
            : "Un accompagnement individuel ou une aide ponctuelle concerne une seule personne.",
        );
      if (new Set(c.beneficiaireIds).size !== c.beneficiaireIds.length)
        erreur("beneficiaireIds", "Une même personne est nommée deux fois.");
      if (c.beneficiaireIds.length > c.nbParticipants) erreur("beneficiaireIds", NOMMES_EN_TROP);
      if (c.dejaAccompagnes > c.nbParticipants)
        erreur(
          "dejaAccompagnes",
          "Le nombre de personnes déjà accompagnées ne peut pas dépasser le nombre de participants.",
        );
      for (const cle of ["ages", "statuts", "genres"] as const) {
        const somme = Object.values(c[cle]).reduce((a: number, n) => a + (n ?? 0), 0);
        if (somme > c.nbParticipants)
          erreur(
            cle,
            `La somme ${NOMS_REPARTITIONS[cle]} (${somme}) dépasse le nombre de participants (${c.nbParticipants}).`,
          );
      }
      const demarches = c.thematiques.some((t) => THEMATIQUES_DEMARCHES.includes(t));
      if (demarches && !c.thematiques.includes("aide_aux_demarches_administratives"))
        erreur(
          "thematiques",
          "Les thématiques de démarche administrative nécessitent la thématique « Aide aux démarches administratives ».",
        );
      if (c.precisionsDemarche && !c.thematiques.includes("aide_aux_demarches_administratives"))
        erreur("precisionsDemarche", "Ce champ n'est pas disponible sans démarche administrative.");
      if (c.materiel.includes("aucun") && c.materiel.length > 1)
        erreur("materiel", "« Pas de matériel » ne peut pas être combiné avec un autre matériel.");
      if (c.oriente && !c.structureRedirection)
        erreur(
          "structureRedirection",
          "Précisez vers quel type de structure la personne a été orientée.",
        );
      if (!c.oriente && c.structureRedirection)
        erreur("structureRedirection", "Ce champ n'est disponible que pour une orientation.");
      for (const [champ, types] of Object.entries(CHAMPS_PAR_TYPE)) {
        const valeur = c[champ as keyof typeof CHAMPS_PAR_TYPE];
        if (valeur && !(types as readonly string[]).includes(c.type))
          erreur(champ, "Ce champ n'est pas disponible pour ce type d'activité.");
      }
    })
    .transform((c) => ({
      ...c,
      thematiques: [...new Set(c.thematiques)] as Thematique[],
      materiel: [...new Set(c.materiel)],
      ages: completer(c.ages, c.nbParticipants),
      statuts: completer(c.statuts, c.nbParticipants),
      genres: completer(c.genres, c.nbParticipants),
    }));
}

export type Cra = z.infer<ReturnType<typeof craSchema>>;
export type SaisieCra = z.input<ReturnType<typeof craSchema>>;

/**
 * Stored counts always sum to the participants: what the conseiller did not break down goes to
 * `non_communique` (docs/domaine/cra.md §4), and zeros are dropped.
 */
export function completer(
  comptes: Partial<Record<string, number>>,
  total: number,
): Record<string, number> {
  const propres = Object.fromEntries(
    Object.entries(comptes).filter((e): e is [string, number] => (e[1] ?? 0) > 0),
  );
  const somme = Object.values(propres).reduce((a, n) => a + n, 0);
  const reste = total - somme;
  if (reste > 0) propres.non_communique = (propres.non_communique ?? 0) + reste;
  return propres;
}

/** docs/domaine/cra.md §6: a workshop of 10 counts 10 accompagnements, any other activity one. */
export function accompagnements(c: { type: string; nbParticipants: number }): number {
  return c.type === "collectif" ? c.nbParticipants : 1;
}

export const TRANCHES_DUREE = {
  moins_30: "Moins de 30 min",
  de_30_a_60: "30 min à 1 h",
  de_60_a_120: "1 h à 2 h",
  plus_120: "2 h et plus",
} as const;
export type TrancheDuree = keyof typeof TRANCHES_DUREE;

/** National duration buckets, lower bound included (docs/domaine/cra.md §7.3). */
export function trancheDuree(minutes: number): TrancheDuree {
  if (minutes < 30) return "moins_30";
  if (minutes < 60) return "de_30_a_60";
  if (minutes < 120) return "de_60_a_120";
  return "plus_120";
}

/**
 * Shares with one decimal that add up to exactly 100 for a closed list: largest remainder
 * (docs/domaine/cra.md §7.3); an empty total gives zeros.
 */
export function pourcentages<K extends string>(effectifs: Record<K, number>): Record<K, number> {
  const cles = Object.keys(effectifs) as K[];
  const total = cles.reduce((a, k) => a + effectifs[k], 0);
  const resultat = Object.fromEntries(cles.map((k) => [k, 0])) as Record<K, number>;
  if (total === 0) return resultat;
  const dixiemes = cles.map((k) => {
    const exact = (effectifs[k] * 1000) / total;
    return { k, entier: Math.floor(exact), reste: exact - Math.floor(exact) };
  });
  let manque = 1000 - dixiemes.reduce((a, d) => a + d.entier, 0);
  for (const d of [...dixiemes].sort((a, b) => b.reste - a.reste || a.k.localeCompare(b.k))) {
    if (manque <= 0) break;
    d.entier++;
    manque--;
  }
  for (const d of dixiemes) resultat[d.k] = d.entier / 10;
  return resultat;
}

/** The body of the API's report: static, every rule but the day's. */
export const corpsCraSchema = craSchema();

/** A report dated after today (Paris) is refused: the one rule the static body cannot hold. */
export function refusDateFuture(date: string, aujourdhui: string): Refus | null {
  return date > aujourdhui ? echec("date", DATE_FUTURE) : null;
}
