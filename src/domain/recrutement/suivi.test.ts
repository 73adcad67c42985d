import { describe, expect, it } from "vitest";
import { toutesLesTransitions } from "../test/toutes-les-transitions.ts";
import { configurerZodEnFrancais } from "../zod-fr.ts";
import { STATUTS_CONTRAT, TYPES_CONTRAT } from "./contrat.ts";
import { estUnPdf, expirationCv, verifierCv } from "./cv.ts";
import {
  alertesFormation,
  type EvenementFormation,
  etapeFormationSchema,
  resultatCertificationSchema,
  STATUTS_FORMATION,
  type StatutFormation,
  statutPix,
  transitionFormation,
} from "./formation.ts";
import { STATUTS_MISE_EN_RELATION } from "./mise-en-relation.ts";
import {
  type EvenementRupture,
  MOTIFS_RUPTURE_ORIGINAUX,
  prolongationSchema,
  ruptureSchema,
  STATUTS_PROLONGATION,
  STATUTS_RUPTURE,
  type StatutProlongation,
  type StatutRupture,
  transitionProlongation,
  transitionRupture,
} from "./rupture.ts";
import {
  etatMiseEnRelationOriginale,
  MISES_EN_RELATION_ORIGINALES,
  ORIGINES_ORIGINALES,
  PROLONGATIONS_ORIGINALES,
  statutCandidatureOriginal,
  TYPES_CONTRAT_ORIGINAUX,
} from "./valeurs-originales.ts";

configurerZodEnFrancais();

describe("machine à états de la rupture", () => {
  const permises: Record<string, StatutRupture> = {
    "declaree/marquer_incomplete": "incomplete",
    "incomplete/completer": "declaree",
    "declaree/retirer": "retiree",
    "incomplete/retirer": "retiree",
    "declaree/valider": "validee",
  };
  const evenements: EvenementRupture[] = ["marquer_incomplete", "completer", "retirer", "valider"];
  it.each(
    toutesLesTransitions(
      Object.keys(STATUTS_RUPTURE) as StatutRupture[],
      evenements,
      transitionRupture,
      permises,
    ),
  )("$cas → $attendu", ({ attendu, obtenu }) => expect(obtenu).toBe(attendu));
});

describe("machine à états de la prolongation", () => {
  const permises: Record<string, StatutProlongation> = {
    "deposee/accepter": "acceptee",
    "deposee/refuser": "refusee",
  };
  it.each(
    toutesLesTransitions(
      Object.keys(STATUTS_PROLONGATION) as StatutProlongation[],
      ["accepter", "refuser"] as const,
      transitionProlongation,
      permises,
    ),
  )("$cas → $attendu", ({ attendu, obtenu }) => expect(obtenu).toBe(attendu));
});

describe("machine à états de la formation", () => {
  const permises: Record<string, StatutFormation> = {
    "a_inscrire/inscrire": "inscrite",
    "inscrite/positionner": "positionnee",
    "positionnee/commencer": "en_cours",
    "en_cours/terminer": "terminee",
    "inscrite/abandonner": "abandonnee",
    "positionnee/abandonner": "abandonnee",
    "en_cours/abandonner": "abandonnee",
    "a_inscrire/dispenser": "dispensee",
  };
  const evenements: EvenementFormation[] = [
    "inscrire",
    "positionner",
    "commencer",
    "terminer",
    "abandonner",
    "dispenser",
  ];
  it.each(
    toutesLesTransitions(
      Object.keys(STATUTS_FORMATION) as StatutFormation[],
      evenements,
      transitionFormation,
      permises,
    ),
  )("$cas → $attendu", ({ attendu, obtenu }) => expect(obtenu).toBe(attendu));
});

describe("rupture et prolongation", () => {
  it("refuse une rupture datée après la fin du contrat", () => {
    const r = ruptureSchema("2022-06-30").safeParse({
      dateRupture: "2022-07-01",
      motif: "demission",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      "La date de rupture ne peut pas suivre la fin du contrat.",
    );
  });
  it("accepte toute date de rupture pour un CDI", () => {
    expect(
      ruptureSchema(null).safeParse({ dateRupture: "2030-01-01", motif: "licenciement" }).success,
    ).toBe(true);
  });
  it("refuse un motif hors de la liste", () => {
    const r = ruptureSchema(null).safeParse({ dateRupture: "2022-01-01", motif: "fatigue" });
    expect(r.error?.issues[0]?.message).toBe("Choisissez le motif de la rupture.");
  });
  it("exige une nouvelle fin après la fin actuelle", () => {
    expect(
      prolongationSchema("2023-01-31").safeParse({ nouvelleDateFin: "2023-01-31" }).success,
    ).toBe(false);
    expect(
      prolongationSchema("2023-01-31").safeParse({ nouvelleDateFin: "2023-02-01" }).success,
    ).toBe(true);
    expect(prolongationSchema(null).safeParse({ nouvelleDateFin: "2023-02-01" }).success).toBe(
      false,
    );
  });
});

describe("formation", () => {
  const etape = etapeFormationSchema("2021-06-15");
  it("n'accepte que les quatre parcours", () => {
    const base = {
      evenement: "positionner",
      datePositionnement: "2021-06-01",
      dateDebutPrevue: "2021-06-10",
      dateFinPrevue: "2021-09-10",
    };
    expect(etape.safeParse({ ...base, parcoursHeures: 280 }).success).toBe(true);
    const r = etape.safeParse({ ...base, parcoursHeures: 200 });
    expect(r.error?.issues[0]?.message).toBe(
      "Le parcours doit être de 105, 280, 350 ou 420 heures.",
    );
  });
  it("refuse une fin prévue avant le début et une date réelle future", () => {
    expect(
      etape.safeParse({
        evenement: "positionner",
        datePositionnement: "2021-06-01",
        parcoursHeures: 105,
        dateDebutPrevue: "2021-06-10",
        dateFinPrevue: "2021-06-09",
      }).success,
    ).toBe(false);
    const r = etape.safeParse({ evenement: "commencer", dateDebutReelle: "2021-06-16" });
    expect(r.error?.issues[0]?.message).toBe("La date de début ne peut pas être dans le futur.");
  });
  it.each([
    { statut: "a_inscrire", prevu: null, reel: null, jour: "2021-06-15", attendu: [] },
    {
      statut: "a_inscrire",
      prevu: null,
      reel: null,
      jour: "2021-06-17",
      attendu: ["non_inscrite", "depart_tardif"],
    },
    { statut: "positionnee", prevu: "2021-06-16", reel: null, jour: "2021-06-10", attendu: [] },
    {
      statut: "positionnee",
      prevu: "2021-06-17",
      reel: null,
      jour: "2021-06-10",
      attendu: ["depart_tardif"],
    },
    {
      statut: "terminee",
      prevu: "2021-06-30",
      reel: "2021-06-14",
      jour: "2021-12-01",
      attendu: [],
    },
    { statut: "dispensee", prevu: null, reel: null, jour: "2021-12-01", attendu: [] },
  ] as const)("alertes $statut au $jour → $attendu", ({ statut, prevu, reel, jour, attendu }) => {
    // Signed on 1 June: departure is due by 16 June.
    expect(
      alertesFormation(
        { statut, dateDebutPrevue: prevu, dateDebutReelle: reel },
        "2021-06-01",
        jour,
      ),
    ).toEqual(attendu);
  });
});

describe("certifications", () => {
  const resultat = resultatCertificationSchema("2022-03-01");
  it("calcule Pix obtenu au niveau 5 sur les trois compétences", () => {
    expect(statutPix({ "1.1": 5, "4.1": 6, "4.2": 5 })).toBe("obtenue");
    expect(statutPix({ "1.1": 5, "4.1": 4, "4.2": 8 })).toBe("echouee");
  });
  it("refuse un niveau Pix hors de 0 à 8 et une compétence inconnue", () => {
    expect(
      resultat.safeParse({
        type: "pix",
        dateExamen: "2022-02-01",
        niveaux: { "1.1": 9, "4.1": 5, "4.2": 5 },
      }).error?.issues[0]?.message,
    ).toBe("Un niveau Pix va de 0 à 8.");
    expect(
      resultat.safeParse({
        type: "pix",
        dateExamen: "2022-02-01",
        niveaux: { "1.1": 5, "4.1": 5, "4.2": 5, "2.1": 5 },
      }).success,
    ).toBe(false);
  });
  it("exige une date passée pour un résultat de CCP1", () => {
    expect(resultat.safeParse({ type: "ccp1", statut: "obtenue" }).success).toBe(false);
    expect(resultat.safeParse({ type: "ccp1", statut: "a_passer" }).success).toBe(true);
    expect(
      resultat.safeParse({ type: "ccp1", statut: "obtenue", dateExamen: "2022-03-02" }).error
        ?.issues[0]?.message,
    ).toBe("La date d'examen ne peut pas être dans le futur.");
  });
});

describe("CV", () => {
  const octets = (texte: string) => new TextEncoder().encode(texte);
  it("reconnaît un PDF à son contenu, pas à son nom", () => {
    expect(estUnPdf(octets("%PDF-1.7\n…"))).toBe(true);
    expect(estUnPdf(octets("MZ\x90"))).toBe(false);
    expect(estUnPdf(octets(" %PDF-1.7"))).toBe(false);
    expect(verifierCv(new Uint8Array())).toBe("Le fichier est vide.");
    expect(verifierCv(new Uint8Array(5 * 1024 * 1024 + 1))).toBe(
      "Le CV ne doit pas dépasser 5 Mo.",
    );
  });
  it("expire six mois après le dépôt, au dernier jour du mois quand il manque", () => {
    expect(expirationCv(new Date("2026-03-02T09:00:00Z")).toISOString()).toBe(
      "2026-09-02T09:00:00.000Z",
    );
    expect(expirationCv(new Date("2026-08-31T09:00:00Z")).toISOString()).toBe(
      "2027-02-28T09:00:00.000Z",
    );
  });
});

describe("valeurs de la plateforme d'origine", () => {
  it("traduit chaque statut de mise en relation d'origine dans le vocabulaire unique", () => {
    expect(etatMiseEnRelationOriginale("interessee")).toEqual({ relation: "preselectionnee" });
    expect(etatMiseEnRelationOriginale("finalisee")).toEqual({
      relation: "retenue",
      contrat: { statut: "actif" },
    });
    expect(etatMiseEnRelationOriginale("nouvelle_rupture", true)?.rupture).toBe("incomplete");
    expect(etatMiseEnRelationOriginale("nouvelle_rupture")?.rupture).toBe("declaree");
    expect(etatMiseEnRelationOriginale("terminee_naturelle")?.contrat?.motifFin).toBe("echeance");
    expect(etatMiseEnRelationOriginale("finalisee_non_disponible")?.aVerifier).toBe(true);
    expect(etatMiseEnRelationOriginale("inventee")).toBeUndefined();
    // Every target is a status the machines know.
    for (const e of Object.values(MISES_EN_RELATION_ORIGINALES)) {
      expect(Object.keys(STATUTS_MISE_EN_RELATION)).toContain(e.relation);
      if (e.contrat) expect(Object.keys(STATUTS_CONTRAT)).toContain(e.contrat.statut);
      if (e.rupture) expect(Object.keys(STATUTS_RUPTURE)).toContain(e.rupture);
    }
  });
  it("déduit le statut d'une candidature d'origine", () => {
    expect(statutCandidatureOriginal(undefined, true, true)).toBe("disponible");
    expect(statutCandidatureOriginal(undefined, false, true)).toBe("indisponible");
    expect(statutCandidatureOriginal("RECRUTE", false, true)).toBe("en_poste");
    expect(statutCandidatureOriginal("RUPTURE", true, true)).toBe("disponible");
    expect(statutCandidatureOriginal(undefined, true, false)).toBe("en_attente_confirmation");
  });
  it("traduit types de contrat, prolongations et origine manuelle", () => {
    expect(TYPES_CONTRAT_ORIGINAUX.CDI).toBe("cdi");
    expect(Object.values(TYPES_CONTRAT_ORIGINAUX).sort()).toEqual(
      Object.keys(TYPES_CONTRAT).sort(),
    );
    expect(PROLONGATIONS_ORIGINALES).toEqual({ initiee: "deposee", validee: "acceptee" });
    expect(ORIGINES_ORIGINALES.MANUEL).toBe("manuelle");
    expect(MOTIFS_RUPTURE_ORIGINAUX.nonReconductionCDD).toBe("non_reconduction_cdd");
  });
});
