import { z } from "zod";
import { quantite } from "./format.ts";
import type { Role } from "./roles.ts";
import { codeCommuneSchema, codeDepartementSchema, codeRegionSchema } from "./territoire.ts";

const uuid = z.uuid("L'identifiant doit être un UUID.");

/**
 * What a habilitation covers. Stored with the habilitation and copied into the session at
 * sign-in, so that every scoped query is built from it without another lookup.
 */
export const perimetreSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("national") }).strict(),
  z.object({ type: z.literal("departement"), code: codeDepartementSchema }).strict(),
  z.object({ type: z.literal("region"), code: codeRegionSchema }).strict(),
  z
    .object({
      type: z.literal("regions"),
      codes: z.array(codeRegionSchema).min(1, "Indiquez au moins une région."),
    })
    .strict(),
  z
    .object({
      type: z.literal("departements"),
      codes: z.array(codeDepartementSchema).min(1, "Indiquez au moins un département."),
    })
    .strict(),
  z
    .object({
      type: z.literal("communes"),
      codes: z.array(codeCommuneSchema).min(1, "Indiquez au moins une commune."),
    })
    .strict(),
  z
    .object({
      type: z.literal("conseillers"),
      ids: z.array(uuid).min(1, "Indiquez au moins un conseiller."),
    })
    .strict(),
  z.object({ type: z.literal("structure"), structureId: uuid }).strict(),
  z.object({ type: z.literal("reseau"), code: z.string().min(1).max(60) }).strict(),
  z.object({ type: z.literal("soi") }).strict(),
]);

export type Perimetre = z.infer<typeof perimetreSchema>;
export type TypePerimetre = Perimetre["type"];

/** Which perimeter kinds each role may hold (docs/architecture.md, « Qui voit quoi »). */
export const PERIMETRES_PAR_ROLE: Record<Role, readonly TypePerimetre[]> = {
  admin: ["national"],
  prefet: ["departement", "region"],
  structure: ["structure"],
  conseiller: ["soi"],
  candidat: ["soi"],
  coordinateur: ["conseillers", "departement", "region", "communes"],
  hub: ["regions", "departements"],
  grand_reseau: ["reseau"],
  financeur: ["national", "regions"],
  prescripteur: ["departement"],
};

export function perimetreAutorise(role: Role, perimetre: Perimetre): boolean {
  return PERIMETRES_PAR_ROLE[role].includes(perimetre.type);
}

export function libellePerimetre(perimetre: Perimetre, noms: (code: string) => string): string {
  switch (perimetre.type) {
    case "national":
      return "National";
    case "departement":
      return `Département ${noms(perimetre.code)}`;
    case "region":
      return `Région ${noms(perimetre.code)}`;
    case "regions":
      return `Régions : ${perimetre.codes.map(noms).join(", ")}`;
    case "departements":
      return `Départements : ${perimetre.codes.map(noms).join(", ")}`;
    case "communes":
      return quantite(perimetre.codes.length, "commune", "communes");
    case "conseillers":
      return quantite(perimetre.ids.length, "conseiller", "conseillers");
    case "structure":
      return "Structure";
    case "reseau":
      return `Réseau ${perimetre.code}`;
    case "soi":
      return "Personnel";
  }
}

/** Whether a département or région perimeter covers a place (a préfet's territory). */
export function couvreTerritoire(
  perimetre: Perimetre,
  lieu: { departementCode: string; regionCode: string },
): boolean {
  if (perimetre.type === "departement") return perimetre.code === lieu.departementCode;
  if (perimetre.type === "region") return perimetre.code === lieu.regionCode;
  return false;
}

/** Roles whose activity statistics are read per département (the others per conseiller). */
const STATISTIQUES_PAR_DEPARTEMENT: readonly Role[] = ["prefet", "hub", "financeur", "admin"];

export function statistiquesParDepartement(role: Role | undefined): boolean {
  return role !== undefined && STATISTIQUES_PAR_DEPARTEMENT.includes(role);
}

/**
 * The départements a statistics reader may narrow their figures to: those of their scope, for
 * the roles read per département; empty when the filter does not apply (a single département,
 * or a scope read per conseiller).
 */
export function departementsFiltrables(
  role: Role,
  perimetre: Perimetre,
  departements: readonly { code: string; regionCode: string }[],
): string[] {
  if (!statistiquesParDepartement(role)) return [];
  const codes = (() => {
    switch (perimetre.type) {
      case "national":
        return departements.map((d) => d.code);
      case "region":
        return departements.filter((d) => d.regionCode === perimetre.code).map((d) => d.code);
      case "regions":
        return departements
          .filter((d) => perimetre.codes.includes(d.regionCode))
          .map((d) => d.code);
      case "departements":
        return [...perimetre.codes];
      default:
        return [];
    }
  })();
  return codes.length > 1 ? codes : [];
}
