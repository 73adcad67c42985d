import type { Erreur } from "../erreurs.ts";
import { completer, type SaisieCra } from "./cra.ts";
import type { Thematique } from "./vocabulaire.ts";

/** A report of the original platform, as its documents hold it (docs/domaine/cra.md §2). */
export type CraV1 = {
  dateAccompagnement?: string;
  canal?: string;
  codePostal?: string;
  codeCommune?: string;
  nomCommune?: string;
  activite?: string;
  nbParticipants?: number;
  nbParticipantsRecurrents?: number | null;
  age?: Record<string, number> | string;
  statut?: Record<string, number> | string;
  themes?: string[];
  sousThemes?: (Record<string, string[] | string> | null)[] | null;
  duree?: string | number;
  accompagnement?: Record<string, number> | string | null;
  organismes?: Record<string, number>[] | null;
};

const THEMES: Record<string, Thematique[]> = {
  diagnostic: ["diagnostic_numerique"],
  "equipement informatique": ["prendre_en_main_du_materiel", "gere_ses_contenus_numeriques"],
  internet: ["navigation_sur_internet"],
  courriel: ["email"],
  "traitement texte": ["bureautique"],
  "contenus numeriques": ["creer_avec_le_numerique"],
  echanger: ["reseaux_sociaux"],
  sante: ["sante"],
  scolaire: ["scolarite_et_numerique"],
  "accompagner enfant": ["parentalite"],
  "trouver emploi": ["insertion_professionnelle"],
  budget: ["banque_et_achats_en_ligne"],
  "tpe/pme": ["entrepreneuriat"],
  "fraude et harcelement": ["securite_numerique"],
  securite: ["securite_numerique"],
  smartphone: ["prendre_en_main_du_materiel"],
  "demarche en ligne": ["aide_aux_demarches_administratives"],
  vocabulaire: ["culture_numerique"],
  autre: [],
};

const CANAUX: Record<string, SaisieCra["typeLieu"]> = {
  rattachement: "lieu_activite",
  "autre lieu": "autre",
  autre: "autre",
  distance: "a_distance",
  domicile: "domicile",
};

/** Organismes in the picklist's order (ties go to the first), with their orientation target. */
const ORGANISMES: [string, NonNullable<SaisieCra["structureRedirection"]>][] = [
  ["ANTS", "operateur_ou_organisme_en_charge"],
  ["Assistante sociale", "aide_sociale"],
  ["CAF", "operateur_ou_organisme_en_charge"],
  ["CARSAT", "operateur_ou_organisme_en_charge"],
  ["CCAS", "aide_sociale"],
  ["CEFS", "operateur_ou_organisme_en_charge"],
  ["CIP", "insertion_professionnelle"],
  ["CPAM", "operateur_ou_organisme_en_charge"],
  ["DGFIP", "operateur_ou_organisme_en_charge"],
  ["France Services", "aide_aux_demarches_administratives"],
  ["Mairie", "administration"],
  ["Médiathèque", "mediation_numerique"],
  ["Mission locale", "insertion_professionnelle"],
  ["Pôle emploi", "insertion_professionnelle"],
  ["Préfecture", "administration"],
  ["Sous-préfecture", "administration"],
  ["Service de police", "administration"],
  ["Gendarmerie", "administration"],
  ["Revendeur informatique", "autre"],
  ["Tiers-lieu / Fablab", "mediation_numerique"],
];

const STATUTS: Record<string, string> = {
  etudiant: "scolarise",
  sansEmploi: "sans_emploi",
  enEmploi: "en_emploi",
  retraite: "retraite",
  heterogene: "non_communique",
};
/** The earliest documents held one string instead of counts (docs/domaine/cra.md §2.6). */
const STATUTS_TEXTE: Record<string, string> = {
  etudiant: "etudiant",
  "sans emploi": "sansEmploi",
  "en emploi": "enEmploi",
  retraite: "retraite",
  heterogene: "heterogene",
};
const AGES_TEXTE: Record<string, string> = {
  "-12": "moins12ans",
  "12-18": "de12a18ans",
  "18-35": "de18a35ans",
  "35-60": "de35a60ans",
  "+60": "plus60ans",
};

/** Splits `n` in two by a share, the remainder to the second part: deterministic on re-import. */
function partager(n: number, part: number): [number, number] {
  const premier = Math.floor(n * part);
  const resteExact = n * part - premier;
  // Largest remainder between the two parts.
  const a = resteExact >= 0.5 ? premier + 1 : premier;
  return [a, n - a];
}

function comptes(
  v: Record<string, number> | string | undefined,
  textes: Record<string, string>,
  nb: number,
): Record<string, number> {
  if (typeof v === "string") return textes[v] ? { [textes[v]!]: nb } : {};
  return v ?? {};
}

/** V1 age brackets to the national ones (docs/domaine/cra.md §5): 29.15 % of 18–35 are 18–24, 48.05 % of 60+ are 60–69. */
function ages(v1: Record<string, number>): Record<string, number> {
  const [a1824, a2539] = partager(v1.de18a35ans ?? 0, 0.2915);
  const [a6069, a70] = partager(v1.plus60ans ?? 0, 0.4805);
  return {
    moins_de_douze: v1.moins12ans ?? 0,
    douze_dix_huit: v1.de12a18ans ?? 0,
    dix_huit_vingt_quatre: a1824,
    vingt_cinq_trente_neuf: a2539,
    quarante_cinquante_neuf: v1.de35a60ans ?? 0,
    soixante_soixante_neuf: a6069,
    soixante_dix_plus: a70,
  };
}

function duree(v: string | number | undefined): number | null {
  if (v === "0-30") return 30;
  if (v === "30-60") return 60;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : null;
}

export type CraImporte = {
  saisie: SaisieCra;
  /** The commune the V1 report names (the place for `rattachement` is chosen by the server). */
  communeV1: string | null;
  avertissements: string[];
};

/** One V1 report in the product's vocabulary (docs/domaine/cra.md §5), or the reasons it cannot be. */
export function depuisV1(
  v1: CraV1,
): { ok: true; valeur: CraImporte } | { ok: false; erreurs: Erreur[] } {
  const erreurs: Erreur[] = [];
  const avertissements: string[] = [];
  const date = v1.dateAccompagnement?.slice(0, 10) ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < "2020-01-01")
    erreurs.push({ champ: "dateAccompagnement", message: "La date est invalide." });
  const type = v1.activite;
  if (type !== "individuel" && type !== "collectif" && type !== "ponctuel")
    erreurs.push({ champ: "activite", message: "L'activité est invalide." });
  const typeLieu = CANAUX[v1.canal ?? ""];
  if (!typeLieu) erreurs.push({ champ: "canal", message: "Le canal est invalide." });
  const minutes = duree(v1.duree);
  if (!minutes) erreurs.push({ champ: "duree", message: "La durée est invalide." });
  const nb = type === "collectif" ? Number(v1.nbParticipants ?? 0) : 1;
  if (!Number.isInteger(nb) || nb < 1 || nb > 100)
    erreurs.push({ champ: "nbParticipants", message: "Le nombre de participants est invalide." });
  if (erreurs.length > 0) return { ok: false, erreurs };

  const themes = v1.themes ?? [];
  const thematiques = [...new Set(themes.flatMap((t) => THEMES[t] ?? []))];
  const notes: string[] = [];
  if (themes.includes("autre")) notes.push("Thème d'origine : autre");
  const materiel = new Set<string>();
  if (themes.includes("smartphone")) materiel.add("telephone");
  for (const st of v1.sousThemes ?? []) {
    for (const [cle, valeurs] of Object.entries(st ?? {})) {
      const liste = Array.isArray(valeurs) ? valeurs : [valeurs];
      if (cle === "annotation") notes.push(...liste);
      for (const v of liste) {
        if (["ordinateur", "tablette", "telephone"].includes(v)) materiel.add(v);
        if (v === "espace-sante" && !thematiques.includes("sante")) thematiques.push("sante");
      }
    }
  }
  if (thematiques.length === 0)
    avertissements.push("Aucun thème du produit ne correspond : importé sans thématique.");
  const organismes = Object.assign({}, ...(v1.organismes ?? [])) as Record<string, number>;
  const accompagnement = typeof v1.accompagnement === "object" ? (v1.accompagnement ?? {}) : {};
  const oriente =
    (accompagnement.redirection ?? 0) > 0 ||
    v1.accompagnement === "redirection" ||
    Object.keys(organismes).length > 0;
  let cible: SaisieCra["structureRedirection"] = null;
  if (oriente) {
    let meilleur = -1;
    for (const [nom, destination] of ORGANISMES) {
      if ((organismes[nom] ?? -1) > meilleur) {
        meilleur = organismes[nom]!;
        cible = destination;
      }
    }
    cible ??= "autre";
  }
  const statutsV1 = comptes(v1.statut, STATUTS_TEXTE, nb);
  const deja = Math.min(nb, Number(v1.nbParticipantsRecurrents ?? 0));
  const agesProduit = ages(comptes(v1.age, AGES_TEXTE, nb));
  const statutsProduit: Record<string, number> = {};
  for (const [k, n] of Object.entries(statutsV1)) {
    const cle = STATUTS[k] ?? "non_communique";
    statutsProduit[cle] = (statutsProduit[cle] ?? 0) + n;
  }
  for (const [nom, r] of [
    ["des tranches d'âge", agesProduit],
    ["des statuts", statutsProduit],
  ] as const) {
    const somme = Object.values(r).reduce((a, n) => a + n, 0);
    if (somme > nb)
      return {
        ok: false,
        erreurs: [
          {
            champ: nom === "des statuts" ? "statut" : "age",
            message: `La somme ${nom} (${somme}) dépasse le nombre de participants (${nb}).`,
          },
        ],
      };
  }
  return {
    ok: true,
    valeur: {
      communeV1: v1.codeCommune ?? null,
      avertissements,
      saisie: {
        type,
        public: themes.includes("tpe/pme") ? "professionnel" : "particulier",
        date,
        dureeMinutes: minutes!,
        typeLieu: typeLieu!,
        lieuId: null,
        communeCode:
          typeLieu === "autre" || typeLieu === "domicile" ? (v1.codeCommune ?? null) : null,
        nbParticipants: nb,
        dejaAccompagnes: deja,
        ages: completer(agesProduit, nb),
        statuts: completer(statutsProduit, nb),
        genres: completer({}, nb),
        thematiques,
        materiel: [...materiel] as SaisieCra["materiel"],
        oriente: type !== "collectif" && oriente,
        structureRedirection: type !== "collectif" && oriente ? cible : null,
        notes: notes.length > 0 ? notes.join(" ; ").slice(0, 2_000) : null,
      } as SaisieCra,
    },
  };
}
