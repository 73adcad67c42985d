import { z } from "zod";
import {
  codeParmi,
  facultatif,
  TELEPHONE_MESSAGE,
  TELEPHONE_MOTIF,
  telephoneSchema,
  texteObligatoire,
} from "../champs.ts";
import { completer } from "../cra/cra.ts";
import { GENRES, STATUTS_SOCIAUX, type TRANCHES_AGE } from "../cra/vocabulaire.ts";
import { echec, type Refus } from "../erreurs.ts";
import { codeCommuneSchema } from "../territoire.ts";
import { sansAccents } from "../texte.ts";
import { emailSchema } from "../utilisateur.ts";

export type TrancheAge = keyof typeof TRANCHES_AGE;
export type Genre = keyof typeof GENRES;
export type StatutSocial = keyof typeof STATUTS_SOCIAUX;

/** Bounds of each age bracket of the CRA, in whole years (docs/domaine/beneficiaires.md §3). */
const BORNES: readonly [TrancheAge, number, number][] = [
  ["moins_de_douze", 0, 11],
  ["douze_dix_huit", 12, 17],
  ["dix_huit_vingt_quatre", 18, 24],
  ["vingt_cinq_trente_neuf", 25, 39],
  ["quarante_cinquante_neuf", 40, 59],
  ["soixante_soixante_neuf", 60, 69],
  ["soixante_dix_plus", 70, Number.POSITIVE_INFINITY],
];

const trancheDe = (age: number) => BORNES.find(([, min, max]) => age >= min && age <= max)?.[0];

/**
 * The age bracket of a person known by their year of birth, on the day of an activity. With the
 * year alone the person is `annee − naissance` or one year less: when those two ages fall in
 * different brackets, the bracket is not known and is counted « non communiqué », never guessed.
 */
export function trancheAge(anneeNaissance: number | null, dateActivite: string): TrancheAge {
  if (anneeNaissance === null) return "non_communique";
  const age = Number(dateActivite.slice(0, 4)) - anneeNaissance;
  if (age < 0) return "non_communique";
  const haute = trancheDe(age);
  const basse = trancheDe(Math.max(0, age - 1));
  return haute && haute === basse ? haute : "non_communique";
}

/** What a report needs to know of a followed person it names. */
export type PersonneNommee = {
  anneeNaissance: number | null;
  genre: Genre | null;
  statut: StatutSocial | null;
  /** Whether the person had an accompaniment dated before this one. */
  dejaAccompagnee: boolean;
};

/**
 * The counts of a report that names followed persons, derived from them: each named person
 * counts in their bracket, gender and status (« non communiqué » when not recorded), the other
 * participants stay anonymous (« non communiqué »), and « déjà accompagnés » counts the named
 * persons already seen before. The conseiller types none of these.
 */
export function comptesDesPersonnes(
  personnes: readonly PersonneNommee[],
  nbParticipants: number,
  dateActivite: string,
): {
  ages: Record<string, number>;
  statuts: Record<string, number>;
  genres: Record<string, number>;
  dejaAccompagnes: number;
} {
  if (personnes.length > nbParticipants)
    throw new RangeError(
      "Un compte rendu ne nomme pas plus de personnes qu'il n'a de participants.",
    );
  const compter = (codes: string[]) =>
    completer(
      codes.reduce<Record<string, number>>((c, code) => {
        c[code] = (c[code] ?? 0) + 1;
        return c;
      }, {}),
      nbParticipants,
    );
  return {
    ages: compter(personnes.map((p) => trancheAge(p.anneeNaissance, dateActivite))),
    statuts: compter(personnes.map((p) => p.statut ?? "non_communique")),
    genres: compter(personnes.map((p) => p.genre ?? "non_communique")),
    dejaAccompagnes: personnes.filter((p) => p.dejaAccompagnee).length,
  };
}

/**
 * A followed person as the conseiller records them: every field is optional but a name, and the
 * person was told what the data is for (docs/domaine/beneficiaires.md §1). The year of birth is
 * checked against today by the service, so this schema stays the same every day.
 */
export const beneficiaireSchema = z
  .object({
    prenom: facultatif(texteObligatoire("Le prénom", 100)),
    nom: texteObligatoire("Le nom", 100),
    anneeNaissance: facultatif(
      z.coerce
        .number({ error: "L'année de naissance est un nombre (ex. 1962)." })
        .int("L'année de naissance est un nombre entier (ex. 1962).")
        .min(1900, "L'année de naissance ne peut pas être avant 1900."),
    ),
    communeCode: facultatif(codeCommuneSchema),
    telephone: facultatif(telephoneSchema(TELEPHONE_MOTIF, TELEPHONE_MESSAGE)),
    sansTelephone: z.boolean().default(false),
    email: facultatif(emailSchema),
    genre: facultatif(codeParmi(GENRES)),
    statut: facultatif(codeParmi(STATUTS_SOCIAUX)),
    notes: facultatif(texteObligatoire("Les notes", 2_000, { multiligne: true })),
    informee: z.literal(true, {
      error: "Indiquez que la personne a été informée de l'usage de ses données.",
    }),
    partageStructure: z.boolean().default(false),
  })
  .strict()
  .refine((b) => !(b.sansTelephone && b.telephone), {
    path: ["telephone"],
    message: "Indiquez un téléphone, ou cochez « pas de téléphone », pas les deux.",
  });

/**
 * The fields of a person's file, in the order the pages show them; a merge chooses each of them
 * from one file or the other (the phone carries « pas de téléphone » with it).
 */
export const CHAMPS_FICHE = {
  prenom: "Prénom",
  nom: "Nom",
  anneeNaissance: "Année de naissance",
  communeCode: "Commune",
  telephone: "Téléphone",
  email: "Adresse électronique",
  genre: "Genre",
  statut: "Statut",
  notes: "Notes",
  partageStructure: "Partage avec les collègues de la structure",
} as const;

export type ChampFiche = keyof typeof CHAMPS_FICHE;

/** A merge: the duplicate that disappears, and the fields taken from it rather than kept. */
export const fusionSchema = z
  .object({
    doublonId: z.uuid("Choisissez la fiche à fusionner avec celle-ci."),
    depuisDoublon: z
      .array(
        z.enum(Object.keys(CHAMPS_FICHE) as [ChampFiche], "Ce champ n'existe pas sur une fiche."),
      )
      .default([]),
  })
  .strict();

export type Fusion = z.infer<typeof fusionSchema>;

export type SaisieBeneficiaire = z.input<typeof beneficiaireSchema>;
export type Beneficiaire = z.infer<typeof beneficiaireSchema>;

/** A year of birth after the current year is a typing mistake: said, never stored. */
export function refusAnneeFuture(
  anneeNaissance: number | undefined,
  aujourdhui: string,
): Refus | null {
  return anneeNaissance !== undefined && anneeNaissance > Number(aujourdhui.slice(0, 4))
    ? echec("anneeNaissance", "L'année de naissance ne peut pas être dans le futur.")
    : null;
}

/**
 * The key a person's name is compared by when looking for duplicates: first and last name
 * without accents, case, hyphens or apostrophes (« Jean-Noël D'Hondt » = « jean noel d hondt »).
 */
export function cleDeNom(prenom: string | null | undefined, nom: string): string {
  return sansAccents(`${prenom ?? ""} ${nom}`)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A handover: the colleague who takes over the persons who agreed to be shared. */
export const passationSchema = z
  .object({ collegueId: z.uuid("Choisissez le collègue à qui transmettre vos personnes suivies.") })
  .strict();
