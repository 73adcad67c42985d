import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import {
  TYPES_COORDINATION,
  TYPES_PARTENAIRE,
  type TypeCoordination,
} from "../../../domain/coordination/coordination.ts";
import { instant, liste, parmiLesCodes } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";
import { commune } from "./referentiel.ts";

/**
 * A coordinator's report of their own work (docs/domaine/coordination.md): one row per
 * animation, event or partnership, with the fields of its kind only.
 */
export const craCoordination = pgTable(
  "cra_coordination",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coordinateurId: uuid("coordinateur_id")
      .notNull()
      .references(() => utilisateur.id),
    type: text("type").$type<TypeCoordination>().notNull(),
    date: date("date").notNull(),
    dureeMinutes: integer("duree_minutes").notNull(),
    notes: text("notes"),
    /** Animation: the conseillers of the team who took part, and the themes. */
    participantIds: uuid("participant_ids").array().notNull().default(sql`'{}'::uuid[]`),
    thematiques: liste("thematiques"),
    /** Event. */
    titre: text("titre"),
    communeCode: text("commune_code").references(() => commune.code),
    nbParticipants: integer("nb_participants"),
    partenaires: text("partenaires"),
    /** Partnership. */
    structurePartenaire: text("structure_partenaire"),
    typePartenaire: text("type_partenaire"),
    sujet: text("sujet"),
    creeLe: instant("cree_le").notNull(),
    modifieLe: instant("modifie_le").notNull(),
  },
  (t) => [
    index("cra_coordination_coordinateur_date_idx").on(t.coordinateurId, t.date),
    index("cra_coordination_date_idx").on(t.date),
    check("cra_coordination_type_ck", parmiLesCodes(t.type, Object.keys(TYPES_COORDINATION))),
    check("cra_coordination_duree_ck", sql`${t.dureeMinutes} between 1 and 1439`),
    check(
      "cra_coordination_champs_ck",
      sql`case ${t.type}
        when 'animation' then cardinality(${t.participantIds}) >= 1
        when 'evenement' then ${t.titre} is not null and ${t.communeCode} is not null
          and ${t.nbParticipants} >= 1
        when 'partenariat' then ${t.structurePartenaire} is not null and ${t.sujet} is not null
          and ${parmiLesCodes(t.typePartenaire, Object.keys(TYPES_PARTENAIRE))}
        else false end`,
    ),
  ],
);
