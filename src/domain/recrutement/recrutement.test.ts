import { describe, expect, it } from "vitest";
import { toutesLesTransitions } from "../test/toutes-les-transitions.ts";
import { configurerZodEnFrancais } from "../zod-fr.ts";
import {
  candidatSchema,
  type EvenementCandidature,
  STATUTS_CANDIDATURE,
  type StatutCandidature,
  transitionCandidature,
} from "./candidature.ts";
import {
  dateLimiteSignature,
  type EvenementContrat,
  recrutementSchema,
  STATUTS_CONTRAT,
  type StatutContrat,
  smicMensuelCents,
  transitionContrat,
} from "./contrat.ts";
import { comparerCandidats, disponibleAtemps, distanceKm, memeTerritoire } from "./matching.ts";
import {
  type EvenementMiseEnRelation,
  STATUTS_MISE_EN_RELATION,
  type StatutMiseEnRelation,
  transitionMiseEnRelation,
} from "./mise-en-relation.ts";

configurerZodEnFrancais();

describe("machine à états de la candidature", () => {
  const permises: Record<string, StatutCandidature> = {
    "en_attente_confirmation/confirmer_courriel": "disponible",
    "disponible/se_dire_indisponible": "indisponible",
    "indisponible/se_dire_disponible": "disponible",
    "disponible/etre_recrute": "en_poste",
    "indisponible/etre_recrute": "en_poste",
    "en_poste/quitter_son_poste": "disponible",
    "en_attente_confirmation/supprimer": "supprimee",
    "disponible/supprimer": "supprimee",
    "indisponible/supprimer": "supprimee",
    "en_poste/supprimer": "supprimee",
  };
  const evenements: EvenementCandidature[] = [
    "confirmer_courriel",
    "se_dire_indisponible",
    "se_dire_disponible",
    "etre_recrute",
    "quitter_son_poste",
    "supprimer",
  ];
  it.each(
    toutesLesTransitions(
      Object.keys(STATUTS_CANDIDATURE) as StatutCandidature[],
      evenements,
      transitionCandidature,
      permises,
    ),
  )("$cas → $attendu", ({ attendu, obtenu }) => {
    expect(obtenu).toBe(attendu);
  });
});

describe("machine à états de la mise en relation", () => {
  const permises: Record<string, StatutMiseEnRelation> = {
    "proposee/preselectionner": "preselectionnee",
    "proposee/ecarter": "ecartee",
    "preselectionnee/ecarter": "ecartee",
    "ecartee/reconsiderer": "proposee",
    "preselectionnee/declarer_recrutement": "retenue",
    "retenue/annuler_recrutement": "preselectionnee",
    "proposee/rendre_caduque": "caduque",
    "preselectionnee/rendre_caduque": "caduque",
  };
  const evenements: EvenementMiseEnRelation[] = [
    "preselectionner",
    "ecarter",
    "reconsiderer",
    "declarer_recrutement",
    "annuler_recrutement",
    "rendre_caduque",
  ];
  it.each(
    toutesLesTransitions(
      Object.keys(STATUTS_MISE_EN_RELATION) as StatutMiseEnRelation[],
      evenements,
      transitionMiseEnRelation,
      permises,
    ),
  )("$cas → $attendu", ({ attendu, obtenu }) => {
    expect(obtenu).toBe(attendu);
  });
});

describe("machine à états du contrat", () => {
  const permises: Record<string, StatutContrat> = {
    "declare/annuler": "annule",
    "declare/refuser": "refuse",
    "declare/valider": "actif",
    "actif/rompre": "termine",
    "actif/renouveler": "termine",
    "actif/arriver_a_echeance": "termine",
  };
  const evenements: EvenementContrat[] = [
    "annuler",
    "refuser",
    "valider",
    "rompre",
    "renouveler",
    "arriver_a_echeance",
  ];
  it.each(
    toutesLesTransitions(
      Object.keys(STATUTS_CONTRAT) as StatutContrat[],
      evenements,
      transitionContrat,
      permises,
    ),
  )("$cas → $attendu", ({ attendu, obtenu }) => {
    expect(obtenu).toBe(attendu);
  });
  it("explique un refus en français", () => {
    expect(transitionContrat("termine", "valider")).toEqual({
      ok: false,
      erreurs: [
        {
          champ: "statut",
          message: "Impossible depuis le statut « Terminé » : valider le recrutement.",
        },
      ],
    });
  });
});

describe("déclaration d'un recrutement", () => {
  const cdd = {
    type: "cdd",
    dateDebut: "2021-05-01",
    dateFin: "2023-04-30",
    salaireBrutMensuelCents: 160_000,
    heuresHebdo: 35,
  };
  it("accepte un CDD complet et un CDI sans date de fin", () => {
    expect(recrutementSchema.safeParse(cdd).success).toBe(true);
    expect(recrutementSchema.safeParse({ ...cdd, type: "cdi", dateFin: null }).success).toBe(true);
  });
  it.each([
    [
      { ...cdd, dateFin: null },
      "dateFin",
      "La date de fin est obligatoire pour ce type de contrat.",
    ],
    [{ ...cdd, dateFin: "2021-04-01" }, "dateFin", "La date de fin doit suivre la date de début."],
    [
      { ...cdd, salaireBrutMensuelCents: 155_457 },
      "salaireBrutMensuelCents",
      "Le salaire doit être au moins égal au SMIC (1 554,58 € brut mensuel pour 35 h).",
    ],
    [
      { ...cdd, heuresHebdo: 24 },
      "heuresHebdo",
      "Le temps partiel n'est possible que sur un poste de coordinateur.",
    ],
    [{ ...cdd, type: "interim" }, "type", "Le type de contrat est invalide."],
  ])("refuse %j", (saisie, champ, message) => {
    const r = recrutementSchema.safeParse(saisie);
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === champ)?.message).toBe(message);
  });
  it("proratise le SMIC d'un coordinateur à temps partiel", () => {
    expect(smicMensuelCents("2021-05-01")).toBe(155_458);
    expect(smicMensuelCents("2021-05-01", 24)).toBe(106_600);
    expect(
      recrutementSchema.safeParse({
        ...cdd,
        heuresHebdo: 24,
        coordinateur: true,
        salaireBrutMensuelCents: 106_600,
      }).success,
    ).toBe(true);
  });
  it("fixe la signature à 15 jours de la déclaration", () => {
    expect(dateLimiteSignature("2021-04-20")).toBe("2021-05-05");
    expect(dateLimiteSignature("2024-02-20")).toBe("2024-03-06");
  });
});

describe("candidature publique", () => {
  const schema = candidatSchema("2026-03-02");
  const valide = {
    prenom: "Karim",
    nom: "Haddad",
    email: "Karim.Haddad@exemple.fr",
    telephone: "06 12 34 56 78",
    communeCode: "62119",
    situations: ["demandeur_emploi"],
    dateDisponibilite: "2026-03-02",
    distanceMaxKm: "20",
    motivation: "Transmettre le goût du numérique.",
  };
  it("normalise et accepte une candidature complète", () => {
    const r = schema.parse(valide);
    expect(r).toMatchObject({
      email: "karim.haddad@exemple.fr",
      telephone: "0612345678",
      distanceMaxKm: 20,
    });
  });
  it.each([
    [{ situations: [] }, "situations", "Indiquez au moins une situation."],
    [
      { situations: ["diplome_mediation"] },
      "diplome",
      "Indiquez le nom du diplôme en médiation numérique.",
    ],
    [
      { dateDisponibilite: "2026-03-01" },
      "dateDisponibilite",
      "La date de disponibilité doit être aujourd'hui ou plus tard.",
    ],
    [
      { distanceMaxKm: "30" },
      "distanceMaxKm",
      "Choisissez une distance proposée (5, 10, 15, 20, 40, 100 km ou toute la France).",
    ],
    [
      { telephone: "12" },
      "telephone",
      "Le téléphone doit compter 10 chiffres, ou commencer par + suivi de 11 ou 12 chiffres.",
    ],
  ])("refuse %j", (surcharge, champ, message) => {
    const r = schema.safeParse({ ...valide, ...surcharge });
    expect(r.error?.issues.find((i) => i.path[0] === champ)?.message).toBe(message);
  });
});

describe("règles de mise en relation", () => {
  it.each([
    ["62", "59", true],
    ["2A", "13", true],
    ["971", "971", true],
    ["971", "972", false],
    ["978", "971", false],
    ["974", "75", false],
    ["988", "988", true],
  ])("%s et %s dans le même territoire : %s", (a, b, attendu) => {
    expect(memeTerritoire(a, b)).toBe(attendu);
  });
  it("mesure la distance à vol d'oiseau", () => {
    const bethune = { latitude: 50.5303, longitude: 2.6408 };
    const lens = { latitude: 50.4322, longitude: 2.8333 };
    expect(distanceKm(bethune, lens)).toBeCloseTo(17.2, 0);
    expect(distanceKm(bethune, bethune)).toBe(0);
  });
  it("exige la disponibilité à la date souhaitée, ou aujourd'hui si elle est passée", () => {
    expect(disponibleAtemps("2026-04-01", "2026-04-15", "2026-03-02")).toBe(true);
    expect(disponibleAtemps("2026-05-01", "2026-04-15", "2026-03-02")).toBe(false);
    expect(disponibleAtemps("2026-03-02", "2026-01-01", "2026-03-02")).toBe(true);
    expect(disponibleAtemps("2026-03-10", "2026-01-01", "2026-03-02")).toBe(false);
  });
  it("classe au plus près, puis au plus tôt disponible, puis au plus ancien", () => {
    const c = (id: string, distanceKm: number, dateDisponibilite: string, creeLe: string) => ({
      id,
      distanceKm,
      dateDisponibilite,
      creeLe,
    });
    const classes = [
      c("d", 5, "2026-03-10", "2025-01-01"),
      c("a", 2, "2026-04-01", "2025-06-01"),
      c("c", 5, "2026-03-05", "2025-03-01"),
      c("b", 5, "2026-03-05", "2025-02-01"),
    ].sort(comparerCandidats);
    expect(classes.map((x) => x.id)).toEqual(["a", "b", "c", "d"]);
  });
});
