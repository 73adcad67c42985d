import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import {
  CODES,
  type PublicCra,
  type TypeActivite,
  type TypeLieu,
} from "../../../domain/cra/vocabulaire.ts";
import { instant, liste, parmiLesCodes } from "./colonnes.ts";
import { utilisateur } from "./comptes.ts";
import { lieu } from "./lieux.ts";
import { commune, departement } from "./referentiel.ts";
import { structure } from "./structures.ts";

// --- Comptes rendus d'activité (docs/domaine/cra.md §4) ---

export type Repartition = Record<string, number>;

export const cra = pgTable(
  "cra",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conseillerId: uuid("conseiller_id")
      .notNull()
      .references(() => utilisateur.id),
    /** The employer on the activity's date, taken from the session, never from the body. */
    structureId: uuid("structure_id").references(() => structure.id),
    type: text("type").$type<TypeActivite>().notNull(),
    public: text("public").$type<PublicCra>().notNull().default("particulier"),
    date: date("date").notNull(),
    dureeMinutes: integer("duree_minutes").notNull(),
    typeLieu: text("type_lieu").$type<TypeLieu>().notNull(),
    lieuId: uuid("lieu_id").references(() => lieu.id),
    communeCode: text("commune_code").references(() => commune.code),
    departementCode: text("departement_code").references(() => departement.code),
    nbParticipants: integer("nb_participants").notNull(),
    dejaAccompagnes: integer("deja_accompagnes").notNull().default(0),
    ages: jsonb("ages").$type<Repartition>().notNull(),
    statuts: jsonb("statuts").$type<Repartition>().notNull(),
    genres: jsonb("genres").$type<Repartition>().notNull(),
    thematiques: text("thematiques").array().notNull(),
    precisionsDemarche: text("precisions_demarche"),
    materiel: liste("materiel"),
    autonomie: text("autonomie"),
    oriente: boolean("oriente").notNull().default(false),
    structureRedirection: text("structure_redirection"),
    titreAtelier: text("titre_atelier"),
    niveau: text("niveau"),
    notes: text("notes"),
    /** Raw values of a historical report imported from the original platform. */
    origineV1: jsonb("origine_v1"),
    creeLe: instant("cree_le").notNull().defaultNow(),
    modifieLe: instant("modifie_le").notNull().defaultNow(),
  },
  (t) => [
    index("cra_conseiller_date_idx").on(t.conseillerId, t.date),
    index("cra_departement_date_idx").on(t.departementCode, t.date),
    // The export's keyset order: batches of a national export read the index, never sort.
    index("cra_date_id_idx").on(t.date, t.id),
    check("cra_type_ck", parmiLesCodes(t.type, CODES.types)),
    check("cra_public_ck", parmiLesCodes(t.public, CODES.publics)),
    check("cra_type_lieu_ck", parmiLesCodes(t.typeLieu, CODES.typesLieu)),
    check("cra_duree_ck", sql`${t.dureeMinutes} between 1 and 1439`),
    check(
      "cra_participants_ck",
      sql`${t.nbParticipants} >= 1 and ${t.dejaAccompagnes} between 0 and ${t.nbParticipants}`,
    ),
    // A historical report may have had no theme the product knows (docs/domaine/cra.md §5): kept, flagged.
    check(
      "cra_thematiques_ck",
      sql`cardinality(${t.thematiques}) >= 1 or ${t.origineV1} is not null`,
    ),
  ],
);
