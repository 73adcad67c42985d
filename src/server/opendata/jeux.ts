import { sql } from "drizzle-orm";
import {
  colonneAccompagnements,
  colonneActivites,
  DIMENSIONS_ACTIVITE,
} from "../../domain/cra/compteurs.ts";
import type { TYPES_COLONNE } from "../../domain/opendata/api.ts";
import { rollupAvecAttente, sommesDesCompteurs } from "../activite/index.ts";
import { type Executeur, lignes } from "../db/client.ts";
import { CHAMPS_STANDARD, lieuxAuStandard } from "./lieux-standard.ts";

export type Colonne = {
  nom: string;
  type: (typeof TYPES_COLONNE)[number];
  description: string;
};

/** One open-data set: what it holds, its columns, how it is computed. */
export type JeuDeDonnees = {
  nom: string;
  titre: string;
  description: string;
  colonnes: Colonne[];
  /** JSON as a bare list (the national standard) rather than with its dictionary around. */
  jsonListe?: boolean;
  lignes: (tx: Executeur) => Promise<Record<string, unknown>[]>;
};

const DECOUPAGES = ["type", "thematique", "public"] as const;

/** The activity counters published: totals, then per type, theme and public, in both units. */
const COMPTEURS_PUBLIES: Colonne[] = [
  { nom: "activites", type: "entier", description: "Activités (comptes rendus) du mois" },
  {
    nom: "accompagnements",
    type: "entier",
    description: "Accompagnements : une personne dans une activité (un atelier de 10 en compte 10)",
  },
  {
    nom: "deja_accompagnes",
    type: "entier",
    description: "Accompagnements de personnes déjà accompagnées auparavant",
  },
  ...DECOUPAGES.flatMap((d) =>
    Object.entries(DIMENSIONS_ACTIVITE[d]).flatMap(([v, libelle]) => [
      {
        nom: colonneActivites(d, v),
        type: "entier" as const,
        description: `Activités – ${d} : ${libelle}`,
      },
      {
        nom: colonneAccompagnements(d, v),
        type: "entier" as const,
        description: `Accompagnements – ${d} : ${libelle}`,
      },
    ]),
  ),
];

const sommes = () => sommesDesCompteurs(COMPTEURS_PUBLIES.map((c) => c.nom));

const DESCRIPTION_RUPTURE =
  "Les comptes rendus saisis sur la plateforme d'origine jusqu'au 15 novembre 2024 ne sont comptés que s'ils ont été importés : la série présente une rupture à cette date.";

export type LignePostes = {
  region_code: string;
  region: string;
  departement_code: string;
  departement: string;
  secteur: string;
  postes_attribues: number;
  postes_pourvus: number;
  conseillers_en_poste: number;
};

/** Posts per département and sector: the open-data file and the public API read the same. */
export function postesParTerritoire(tx: Executeur): Promise<LignePostes[]> {
  return lignes<LignePostes>(
    tx,
    sql`select r.code as region_code, r.nom as region, d.code as departement_code,
          d.nom as departement, p.secteur,
          count(*)::int as postes_attribues,
          count(*) filter (where p.statut = 'pourvu')::int as postes_pourvus,
          count(distinct k.utilisateur_id)::int as conseillers_en_poste
        from poste p
        join structure s on s.id = p.structure_id
        join departement d on d.code = s.departement_code
        join region r on r.code = d.region_code
        left join contrat k on k.poste_id = p.id and k.statut = 'actif'
        where p.statut <> 'rendu'
        group by r.code, r.nom, d.code, d.nom, p.secteur
        order by d.code, p.secteur`,
  );
}

/**
 * The workshops announced at places shown on the map, past and to come, by date: the dated list
 * of docs/domaine/ateliers.md §2. Never who registered.
 */
const ATELIERS: JeuDeDonnees = {
  nom: "ateliers",
  titre: "Ateliers collectifs annoncés par les conseillers numériques",
  description:
    "Chaque atelier ouvert aux inscriptions du public, passé ou à venir, non annulé, dans un lieu visible sur la carte, par date. Aucune donnée sur les personnes inscrites.",
  colonnes: [
    { nom: "id", type: "texte", description: "Identifiant de l'atelier" },
    { nom: "jour", type: "date", description: "Jour de l'atelier, heure de Paris (AAAA-MM-JJ)" },
    { nom: "heure", type: "texte", description: "Heure de début, heure de Paris (HH:MM)" },
    { nom: "duree_minutes", type: "entier", description: "Durée en minutes" },
    { nom: "titre", type: "texte", description: "Titre" },
    {
      nom: "thematiques",
      type: "texte",
      description:
        "Thématiques (codes du compte rendu d'activité, séparés par une barre verticale)",
    },
    { nom: "niveau", type: "texte", description: "debutant, intermediaire ou avance" },
    { nom: "capacite", type: "entier", description: "Nombre de places" },
    { nom: "gratuit", type: "texte", description: "oui ou non" },
    { nom: "lieu_id", type: "texte", description: "Identifiant du lieu (fichier « lieux »)" },
    { nom: "lieu", type: "texte", description: "Nom du lieu" },
    { nom: "commune_code", type: "texte", description: "Code officiel de la commune du lieu" },
    { nom: "departement_code", type: "texte", description: "Code officiel du département" },
  ],
  lignes: (tx) =>
    lignes(
      tx,
      sql`select a.id, to_char(a.debut at time zone 'Europe/Paris', 'YYYY-MM-DD') as jour,
            to_char(a.debut at time zone 'Europe/Paris', 'HH24:MI') as heure,
            a.duree_minutes, a.titre, array_to_string(a.thematiques, '|') as thematiques,
            a.niveau, a.capacite, case when a.gratuit then 'oui' else 'non' end as gratuit,
            l.id as lieu_id, l.nom as lieu, l.commune_code, l.departement_code
          from atelier a join lieu l on l.id = a.lieu_id
          where a.annule_le is null and l.visible_carte
          order by a.debut, a.id`,
    ),
};

export const JEUX: readonly JeuDeDonnees[] = [
  {
    nom: "lieux",
    titre: "Lieux de médiation numérique",
    description:
      "Chaque lieu visible sur la carte, au standard national des lieux de médiation numérique v1.0.2 (valeurs multiples séparées par une barre verticale).",
    colonnes: CHAMPS_STANDARD.map((c) => ({
      nom: c,
      type: c === "latitude" || c === "longitude" ? "nombre" : c === "date_maj" ? "date" : "texte",
      description: `Champ « ${c} » du standard v1.0.2`,
    })),
    jsonListe: true,
    lignes: (tx) => lieuxAuStandard(tx),
  },
  {
    nom: "activite-mensuelle-departement",
    titre: "Activité des conseillers numériques par mois et par département",
    description: `Activités et accompagnements par mois et par département du lieu de l'activité, par type, thématique et public. ${DESCRIPTION_RUPTURE}`,
    colonnes: [
      { nom: "mois", type: "date", description: "Premier jour du mois (AAAA-MM-JJ)" },
      { nom: "departement_code", type: "texte", description: "Code officiel du département" },
      { nom: "departement", type: "texte", description: "Nom du département" },
      ...COMPTEURS_PUBLIES,
    ],
    lignes: (tx) =>
      lignes(
        tx,
        sql`select to_char(r.mois, 'YYYY-MM-DD') as mois, r.departement_code,
              d.nom as departement, ${sommes()}
            from ${rollupAvecAttente("stat_departement_mois")} r
            join departement d on d.code = r.departement_code
            group by r.mois, r.departement_code, d.nom
            having sum(r.activites) <> 0
            order by r.mois, r.departement_code`,
      ),
  },
  {
    nom: "activite-nationale",
    titre: "Activité nationale des conseillers numériques par mois",
    description: `Totaux nationaux par mois et cumul depuis le début du dispositif. ${DESCRIPTION_RUPTURE}`,
    colonnes: [
      { nom: "mois", type: "date", description: "Premier jour du mois (AAAA-MM-JJ)" },
      ...COMPTEURS_PUBLIES,
      {
        nom: "accompagnements_cumules",
        type: "entier",
        description: "Accompagnements depuis le début du dispositif jusqu'à la fin du mois",
      },
    ],
    lignes: (tx) =>
      lignes(
        tx,
        sql`select m.*, sum(m.accompagnements) over (order by m.mois)::int as accompagnements_cumules
            from (
              select to_char(r.mois, 'YYYY-MM-DD') as mois, ${sommes()}
              from ${rollupAvecAttente("stat_departement_mois")} r
              group by r.mois having sum(r.activites) <> 0
            ) m order by m.mois`,
      ),
  },
  {
    nom: "postes-territoires",
    titre: "Postes de conseillers numériques par département",
    description:
      "Postes attribués par le comité de sélection, postes pourvus et conseillers en poste, par département et secteur de la structure.",
    colonnes: [
      { nom: "region_code", type: "texte", description: "Code officiel de la région" },
      { nom: "region", type: "texte", description: "Nom de la région" },
      { nom: "departement_code", type: "texte", description: "Code officiel du département" },
      { nom: "departement", type: "texte", description: "Nom du département" },
      { nom: "secteur", type: "texte", description: "public ou privé (secteur de la structure)" },
      { nom: "postes_attribues", type: "entier", description: "Postes attribués et non rendus" },
      {
        nom: "postes_pourvus",
        type: "entier",
        description: "Postes occupés par un contrat en cours",
      },
      {
        nom: "conseillers_en_poste",
        type: "entier",
        description: "Conseillers sous contrat en cours",
      },
    ],
    lignes: (tx) => postesParTerritoire(tx),
  },
  {
    nom: "postes-structures",
    titre: "Structures d'accueil et leurs postes",
    description:
      "Chaque structure ayant au moins un poste attribué : identité publique, secteur, postes et date de la première attribution.",
    colonnes: [
      { nom: "nom", type: "texte", description: "Raison sociale" },
      { nom: "siret", type: "texte", description: "SIRET (ou RIDET outre-mer)" },
      { nom: "commune_code", type: "texte", description: "Code officiel de la commune" },
      { nom: "commune", type: "texte", description: "Commune" },
      { nom: "departement_code", type: "texte", description: "Code officiel du département" },
      { nom: "secteur", type: "texte", description: "public ou privé" },
      { nom: "postes_attribues", type: "entier", description: "Postes attribués et non rendus" },
      {
        nom: "postes_pourvus",
        type: "entier",
        description: "Postes occupés par un contrat en cours",
      },
      { nom: "premiere_attribution", type: "date", description: "Date de la première attribution" },
    ],
    lignes: (tx) =>
      lignes(
        tx,
        sql`select s.nom, s.siret, s.commune_code, c.nom as commune, s.departement_code, s.secteur,
              count(*)::int as postes_attribues,
              count(*) filter (where p.statut = 'pourvu')::int as postes_pourvus,
              min(p.date_attribution)::text as premiere_attribution
            from poste p
            join structure s on s.id = p.structure_id
            left join commune c on c.code = s.commune_code
            where p.statut <> 'rendu'
            group by s.id, s.nom, s.siret, s.commune_code, c.nom, s.departement_code, s.secteur
            order by s.departement_code, s.nom`,
      ),
  },
  ATELIERS,
];
