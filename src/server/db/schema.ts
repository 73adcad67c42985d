/** The whole schema, one file per part of the programme (drizzle-kit reads schema/). */
export * from "./schema/ateliers.ts";
export * from "./schema/beneficiaires.ts";
export * from "./schema/comptes.ts";
export * from "./schema/coordination.ts";
export * from "./schema/cra.ts";
export * from "./schema/equipe.ts";
export * from "./schema/financement.ts";
export * from "./schema/formation.ts";
export * from "./schema/journal.ts";
export * from "./schema/lieux.ts";
export * from "./schema/partages.ts";
export * from "./schema/recrutement.ts";
export * from "./schema/referentiel.ts";
export * from "./schema/selection.ts";
export * from "./schema/statistiques.ts";
export * from "./schema/structures.ts";
export * from "./schema/versions.ts";
