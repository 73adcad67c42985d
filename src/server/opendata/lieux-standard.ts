import { sql } from "drizzle-orm";
import { SANS_PUBLIC } from "../../domain/lieux/lieu.ts";
import { type Executeur, lignes } from "../db/client.ts";

/** The 32 fields of the national standard v1.0.2, in the reference CSV's order (docs/domaine/lieux-et-carte.md §1.1). */
export const CHAMPS_STANDARD = [
  "id",
  "pivot",
  "nom",
  "commune",
  "code_postal",
  "code_insee",
  "adresse",
  "complement_adresse",
  "latitude",
  "longitude",
  "typologie",
  "telephone",
  "courriels",
  "site_web",
  "horaires",
  "presentation_resume",
  "presentation_detail",
  "source",
  "itinerance",
  "structure_parente",
  "date_maj",
  "services",
  "publics_specifiquement_adresses",
  "prise_en_charge_specifique",
  "frais_a_charge",
  "dispositif_programmes_nationaux",
  "formations_labels",
  "autres_formations_labels",
  "modalites_acces",
  "modalites_accompagnement",
  "fiche_acces_libre",
  "prise_rdv",
] as const;

export type LieuStandard = Partial<Record<(typeof CHAMPS_STANDARD)[number], string | number>>;

type LigneLieu = {
  id: string;
  pivot: string;
  nom: string;
  commune: string | null;
  code_postal: string;
  commune_code: string | null;
  adresse: string;
  complement_adresse: string | null;
  latitude: number | null;
  longitude: number | null;
  typologies: string[];
  telephone: string | null;
  courriels: string[];
  sites_web: string[];
  horaires: string | null;
  presentation_resume: string | null;
  presentation_detail: string | null;
  source: string | null;
  itinerance: string[];
  structure_parente: string | null;
  date_maj: string;
  services: string[];
  publics_specifiquement_adresses: string[];
  prise_en_charge_specifique: string[];
  frais_a_charge: string[];
  dispositif_programmes_nationaux: string[];
  formations_labels: string[];
  autres_formations_labels: string[];
  modalites_acces: string[];
  modalites_accompagnement: string[];
  fiche_acces_libre: string | null;
  prise_rdv: string | null;
  avec_conseiller: boolean;
};

/** A multi-valued field: `|`-joined at the open-data boundary, absent when empty (docs/domaine/lieux-et-carte.md §1). */
const multiple = (v: string[]) => (v.length ? [...new Set(v)].join("|") : undefined);
const simple = (v: string | null) => (v?.trim() ? v.trim() : undefined);

/**
 * A stored place as a record of the standard, with the standard library's rules: a place
 * without services only says it receives no public; every place where a conseiller works is in
 * the "Conseillers numériques" programme (docs/domaine/lieux-et-carte.md §1.4, §3.2).
 */
export function versStandard(l: LigneLieu): LieuStandard {
  const avecServices = l.services.length > 0;
  const programmes = l.avec_conseiller
    ? [...l.dispositif_programmes_nationaux, "Conseillers numériques"]
    : l.dispositif_programmes_nationaux;
  const acces = avecServices ? l.modalites_acces.filter((m) => m !== SANS_PUBLIC) : [SANS_PUBLIC];
  const r: LieuStandard = {
    id: l.id,
    pivot: l.pivot,
    nom: l.nom,
    commune: l.commune ?? undefined,
    code_postal: l.code_postal,
    code_insee: simple(l.commune_code),
    adresse: l.adresse,
    complement_adresse: simple(l.complement_adresse),
    latitude: l.latitude ?? undefined,
    longitude: l.longitude ?? undefined,
    typologie: multiple(l.typologies),
    telephone: simple(l.telephone),
    courriels: multiple(l.courriels),
    site_web: multiple(l.sites_web),
    horaires: simple(l.horaires),
    presentation_resume: simple(l.presentation_resume),
    presentation_detail: simple(l.presentation_detail),
    source: simple(l.source),
    itinerance: avecServices ? multiple(l.itinerance) : undefined,
    structure_parente: simple(l.structure_parente),
    date_maj: l.date_maj,
    services: multiple(l.services),
    publics_specifiquement_adresses: avecServices
      ? multiple(l.publics_specifiquement_adresses)
      : undefined,
    prise_en_charge_specifique: avecServices ? multiple(l.prise_en_charge_specifique) : undefined,
    frais_a_charge: avecServices ? multiple(l.frais_a_charge) : undefined,
    dispositif_programmes_nationaux: multiple(programmes),
    formations_labels: multiple(l.formations_labels),
    autres_formations_labels: multiple(l.autres_formations_labels),
    modalites_acces: multiple(acces),
    modalites_accompagnement: avecServices ? multiple(l.modalites_accompagnement) : undefined,
    fiche_acces_libre: simple(l.fiche_acces_libre),
    prise_rdv: simple(l.prise_rdv),
  };
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
}

/** Every place shown on the map, in the standard, in a stable order. */
export async function lieuxAuStandard(tx: Executeur): Promise<LieuStandard[]> {
  const lus = await lignes<LigneLieu>(
    tx,
    sql`select l.id, l.pivot, l.nom, co.nom as commune, l.code_postal, l.commune_code, l.adresse,
          l.complement_adresse, l.latitude, l.longitude, l.typologies, l.telephone, l.courriels,
          l.sites_web, l.horaires, l.presentation_resume, l.presentation_detail, l.source,
          l.itinerance, l.structure_parente, l.date_maj::text as date_maj, l.services,
          l.publics_specifiquement_adresses, l.prise_en_charge_specifique, l.frais_a_charge,
          l.dispositif_programmes_nationaux, l.formations_labels, l.autres_formations_labels,
          l.modalites_acces, l.modalites_accompagnement, l.fiche_acces_libre, l.prise_rdv,
          exists (select 1 from lieu_conseiller lc where lc.lieu_id = l.id and lc.fin is null)
            as avec_conseiller
        from lieu l left join commune co on co.code = l.commune_code
        where l.visible_carte
        order by l.id`,
  );
  return lus.map(versStandard);
}
