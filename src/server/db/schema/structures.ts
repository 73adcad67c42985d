import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { SECTEURS } from "../../../domain/selection/structure.ts";
import { instant, localisation, parmiLesCodes, point } from "./colonnes.ts";

// --- Structures d'accueil (the selection issue extends this table) ---

export const structure = pgTable(
  "structure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siret: text("siret"),
    nom: text("nom").notNull(),
    typeJuridique: text("type_juridique").notNull(),
    secteur: text("secteur").notNull(),
    ...localisation(),
    reseau: text("reseau"),
    adresse: text("adresse"),
    ...point(),
    contactPrenom: text("contact_prenom"),
    contactNom: text("contact_nom"),
    contactFonction: text("contact_fonction"),
    contactEmail: text("contact_email"),
    contactTelephone: text("contact_telephone"),
    creeLe: instant("cree_le").notNull().defaultNow(),
  },
  (t) => [
    index("structure_departement_idx").on(t.departementCode),
    index("structure_region_idx").on(t.regionCode),
    index("structure_reseau_idx").on(t.reseau),
    // One row per SIRET (or RIDET): a second application reuses it.
    uniqueIndex("structure_siret_uq").on(t.siret),
    check("structure_secteur_ck", parmiLesCodes(t.secteur, SECTEURS)),
  ],
);
