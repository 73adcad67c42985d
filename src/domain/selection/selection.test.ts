import { describe, expect, it } from "vitest";
import { configurerZodEnFrancais } from "../zod-fr.ts";
import { candidaturePossible, transitionAmi } from "./ami.ts";
import {
  avisPossible,
  type EvenementDemande,
  estPosteCoordinateur,
  STATUTS_DEMANDE,
  type StatutDemande,
  transitionDemande,
} from "./demande-postes.ts";
import { completerSiret, ridetValide, siretValide } from "./siret.ts";
import {
  candidatureStructureSchema,
  secteurDe,
  TYPES_JURIDIQUES,
  type TypeJuridique,
} from "./structure.ts";

configurerZodEnFrancais();

describe("SIRET et RIDET", () => {
  it.each([
    ["73282932000074", true],
    ["73282932000075", false],
    ["7328293200007", false],
    ["7328293200007A", false],
    ["35600000000060", true], // La Poste: digit sum multiple of 5
    ["35600000000061", false],
  ])("%s valide : %s", (siret, attendu) => {
    expect(siretValide(siret)).toBe(attendu);
  });
  it("complète toute suite de 13 chiffres en SIRET valide", () => {
    for (const base of ["2162051610001", "0000000000000", "9999999999999"]) {
      expect(siretValide(completerSiret(base))).toBe(true);
    }
  });
  it("accepte un RIDET de 7 chiffres, avec ou sans établissement", () => {
    expect(ridetValide("1234567")).toBe(true);
    expect(ridetValide("1234567001")).toBe(true);
    expect(ridetValide("12345")).toBe(false);
  });
});

describe("secteur d'une structure", () => {
  const attendus: Record<TypeJuridique, "public" | "prive"> = {
    commune: "public",
    epci: "public",
    departement: "public",
    region: "public",
    autre_collectivite: "public",
    gip: "public",
    association: "prive",
    entreprise_ess: "prive",
    autre_prive: "prive",
  };
  it.each(Object.keys(TYPES_JURIDIQUES) as TypeJuridique[])("%s", (type) => {
    expect(secteurDe(type)).toBe(attendus[type]);
  });
});

describe("machine à états d'une demande de postes", () => {
  const statuts = Object.keys(STATUTS_DEMANDE) as StatutDemande[];
  const evenements: EvenementDemande[] = [
    { type: "confirmer_courriel" },
    { type: "demander_complement" },
    { type: "accepter", postesAccordes: 2 },
    { type: "refuser" },
    { type: "retirer" },
    { type: "annuler", motif: "doublon" },
  ];
  const permis: Record<string, StatutDemande> = {
    "en_attente_confirmation/confirmer_courriel": "deposee",
    "en_attente_confirmation/annuler": "annulee",
    "deposee/demander_complement": "complement_demande",
    "deposee/accepter": "acceptee",
    "deposee/refuser": "refusee",
    "deposee/retirer": "retiree",
    "deposee/annuler": "annulee",
    "complement_demande/accepter": "acceptee",
    "complement_demande/refuser": "refusee",
    "complement_demande/retirer": "retiree",
    "complement_demande/annuler": "annulee",
  };
  const cas = statuts.flatMap((s) => evenements.map((e) => [s, e] as const));
  it.each(cas)("depuis %s : %j", (statut, evenement) => {
    const r = transitionDemande(statut, evenement);
    const attendu = permis[`${statut}/${evenement.type}`];
    if (attendu) expect(r).toEqual({ ok: true, valeur: attendu });
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.erreurs[0]?.message).toMatch(/^Impossible depuis le statut « .+ » : /);
    }
  });
  it("refuse une acceptation sans poste et une annulation sans motif", () => {
    expect(transitionDemande("deposee", { type: "accepter", postesAccordes: 0 })).toEqual({
      ok: false,
      erreurs: [
        { champ: "postesAccordes", message: "Une décision favorable accorde au moins un poste." },
      ],
    });
    expect(transitionDemande("deposee", { type: "annuler", motif: " " }).ok).toBe(false);
  });
  it("n'admet l'avis du préfet que pendant l'instruction, et jamais sur un retrait", () => {
    expect(avisPossible("initiale", "deposee")).toBe(true);
    expect(avisPossible("ajout", "complement_demande")).toBe(true);
    expect(avisPossible("retrait", "deposee")).toBe(false);
    expect(avisPossible("initiale", "acceptee")).toBe(false);
    expect(avisPossible("coordinateur", "en_attente_confirmation")).toBe(false);
  });
});

describe("appels à manifestation d'intérêt", () => {
  const ami = {
    statut: "ouvert" as const,
    ouverture: "2020-11-17",
    cloture: "2021-12-31",
    typesEligibles: ["commune", "epci"],
  };
  it("suit brouillon → ouvert → clos, et rien d'autre", () => {
    expect(transitionAmi("brouillon", "ouvert").ok).toBe(true);
    expect(transitionAmi("ouvert", "clos").ok).toBe(true);
    expect(transitionAmi("clos", "ouvert").ok).toBe(false);
    expect(transitionAmi("brouillon", "clos").ok).toBe(false);
  });
  it("n'accepte que les types éligibles, pendant l'ouverture", () => {
    expect(candidaturePossible(ami, "commune", "2021-03-01").ok).toBe(true);
    expect(candidaturePossible(ami, "association", "2021-03-01")).toEqual({
      ok: false,
      erreurs: [
        {
          champ: "typeJuridique",
          message: "Ce type de structure ne peut pas candidater à cet appel.",
        },
      ],
    });
    expect(candidaturePossible(ami, "commune", "2022-01-01").ok).toBe(false);
    expect(candidaturePossible({ ...ami, statut: "clos" }, "commune", "2021-03-01").ok).toBe(false);
  });
});

describe("formulaire de candidature d'une structure", () => {
  const valide = {
    amiId: "6b8e9381-5a9a-4c8c-a1d6-af03ad813123",
    identifiant: "732 829 320 00074",
    typeJuridique: "commune",
    nom: "Commune de Lillers",
    adresse: "Place du Capitaine Ricquier",
    communeCode: "62516",
    contact: {
      prenom: "Anne",
      nom: "Lefort",
      fonction: "DGS",
      email: "dgs@lillers.fr",
      telephone: "03 21 00 00 00",
    },
    postesDemandes: "2",
    dateDebutSouhaitee: "2021-04-01",
    motivation: "Accompagner les habitants.",
    coordinateur: "non",
    engagement: true,
  };
  it("normalise SIRET et téléphone", () => {
    const r = candidatureStructureSchema.parse(valide);
    expect(r.identifiant).toBe("73282932000074");
    expect(r.contact.telephone).toBe("0321000000");
    expect(r.postesDemandes).toBe(2);
  });
  it("explique chaque erreur en français", () => {
    const r = candidatureStructureSchema.safeParse({
      ...valide,
      identifiant: "12345678901234",
      motivation: "x".repeat(2501),
      engagement: false,
      postesDemandes: 0,
    });
    const messages = Object.fromEntries(
      r.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [],
    );
    expect(messages).toEqual({
      identifiant:
        "Le SIRET doit compter 14 chiffres avec une clé valide (ou un RIDET pour la Nouvelle-Calédonie).",
      motivation: "La motivation ne doit pas dépasser 2\u202f500 caractères.",
      engagement: "Vous devez cocher l'engagement pour déposer la candidature.",
      postesDemandes: "Demandez au moins un poste.",
    });
  });
});

describe("postes de coordinateur", () => {
  it.each([
    [{ nature: "coordinateur", coordinateur: "temps_plein" }, [true, true]],
    [{ nature: "initiale", coordinateur: "temps_partiel" }, [true, false]],
    [{ nature: "initiale", coordinateur: "non" }, [false, false]],
    [{ nature: "ajout", coordinateur: "non" }, [false, false]],
  ])("%j", (demande, attendus) => {
    expect(attendus.map((_, rang) => estPosteCoordinateur(demande, rang))).toEqual(attendus);
  });
});
