import { z } from "zod";
import { echec, type Resultat, reussite } from "../erreurs.ts";
import { machine } from "../machine.ts";
import { TYPES_JURIDIQUES, type TypeJuridique } from "./structure.ts";

export const STATUTS_AMI = { brouillon: "Brouillon", ouvert: "Ouvert", clos: "Clos" } as const;
export type StatutAmi = keyof typeof STATUTS_AMI;

const typesJuridiques = Object.keys(TYPES_JURIDIQUES) as [TypeJuridique, ...TypeJuridique[]];

export const amiSchema = z
  .object({
    titre: z
      .string({ error: "Le titre est obligatoire." })
      .trim()
      .min(3, "Le titre doit compter au moins 3 caractères.")
      .max(200, "Le titre ne doit pas dépasser 200 caractères."),
    ouverture: z.iso.date("La date d'ouverture doit être une date (AAAA-MM-JJ)."),
    cloture: z.iso.date("La date de clôture doit être une date (AAAA-MM-JJ).").nullable(),
    typesEligibles: z
      .array(z.enum(typesJuridiques, { error: "Type de structure inconnu." }))
      .min(1, "Choisissez au moins un type de structure éligible."),
  })
  .strict()
  .refine((a) => a.cloture === null || a.cloture >= a.ouverture, {
    message: "La clôture ne peut pas précéder l'ouverture.",
    path: ["cloture"],
  });

export type Ami = z.infer<typeof amiSchema>;

const MACHINE_AMI = machine<StatutAmi, StatutAmi>({
  libellesStatuts: STATUTS_AMI,
  libellesEvenements: STATUTS_AMI,
  transitions: { ouvert: { brouillon: "ouvert" }, clos: { ouvert: "clos" } },
  refus: (statut, vers) =>
    `Un appel « ${STATUTS_AMI[statut]} » ne peut pas passer à « ${STATUTS_AMI[vers]} ».`,
});

/** A call goes from draft to open to closed, never back (docs/domaine/programme.md §4). */
export function transitionAmi(statut: StatutAmi, vers: StatutAmi): Resultat<StatutAmi> {
  return MACHINE_AMI(statut, vers);
}

/** Whether a structure of this kind may apply to this call today. */
export function candidaturePossible(
  ami: {
    statut: StatutAmi;
    ouverture: string;
    cloture: string | null;
    typesEligibles: readonly string[];
  },
  type: TypeJuridique,
  aujourdhui: string,
): Resultat<true> {
  if (
    ami.statut !== "ouvert" ||
    aujourdhui < ami.ouverture ||
    (ami.cloture !== null && aujourdhui > ami.cloture)
  ) {
    return echec("amiId", "Cet appel n'est pas ouvert aux candidatures.");
  }
  if (!ami.typesEligibles.includes(type)) {
    return echec("typeJuridique", "Ce type de structure ne peut pas candidater à cet appel.");
  }
  return reussite(true);
}
