import { describe, expect, it } from "vitest";
import {
  beneficiaireSchema,
  cleDeNom,
  comptesDesPersonnes,
  type PersonneNommee,
  refusAnneeFuture,
  trancheAge,
} from "./beneficiaire.ts";

describe("tranche d'âge d'une personne connue par son année de naissance", () => {
  it("donne la tranche quand les deux âges possibles y tombent", () => {
    // Born in 1990: 35 or 36 in 2026, both in 25 - 39.
    expect(trancheAge(1990, "2026-03-02")).toBe("vingt_cinq_trente_neuf");
    expect(trancheAge(1950, "2026-12-31")).toBe("soixante_dix_plus");
    expect(trancheAge(2020, "2026-01-01")).toBe("moins_de_douze");
  });

  it("ne devine pas à la frontière d'une tranche : non communiqué", () => {
    // Born in 2008: 17 or 18 in 2026, either 12 - 17 or 18 - 24.
    expect(trancheAge(2008, "2026-06-15")).toBe("non_communique");
    // Born in 1966: 59 or 60.
    expect(trancheAge(1966, "2026-06-15")).toBe("non_communique");
  });

  it("sans année, ou née après l'activité : non communiqué", () => {
    expect(trancheAge(null, "2026-06-15")).toBe("non_communique");
    expect(trancheAge(2027, "2026-06-15")).toBe("non_communique");
  });

  it("suit le jour de l'activité, pas celui du calcul", () => {
    expect(trancheAge(1987, "2026-03-02")).toBe("vingt_cinq_trente_neuf");
    expect(trancheAge(1987, "2028-03-02")).toBe("quarante_cinquante_neuf");
  });
});

describe("comptes d'un compte rendu qui nomme des personnes suivies", () => {
  const alice: PersonneNommee = {
    anneeNaissance: 1950,
    genre: "feminin",
    statut: "retraite",
    dejaAccompagnee: true,
  };
  const bruno: PersonneNommee = {
    anneeNaissance: null,
    genre: null,
    statut: "sans_emploi",
    dejaAccompagnee: false,
  };

  it("dérive âge, statut, genre et « déjà accompagnés » des personnes, les autres restent anonymes", () => {
    expect(comptesDesPersonnes([alice, bruno], 5, "2026-03-02")).toEqual({
      ages: { soixante_dix_plus: 1, non_communique: 4 },
      statuts: { retraite: 1, sans_emploi: 1, non_communique: 3 },
      genres: { feminin: 1, non_communique: 4 },
      dejaAccompagnes: 1,
    });
  });

  it("un accompagnement individuel : la personne seule, chaque total égal aux participants", () => {
    const c = comptesDesPersonnes([alice], 1, "2026-03-02");
    for (const r of [c.ages, c.statuts, c.genres])
      expect(Object.values(r).reduce((a, n) => a + n, 0)).toBe(1);
    expect(c.genres).toEqual({ feminin: 1 });
  });

  it("refuse plus de personnes nommées que de participants", () => {
    expect(() => comptesDesPersonnes([alice, bruno], 1, "2026-03-02")).toThrow(RangeError);
  });
});

describe("saisie d'une personne suivie", () => {
  it("n'exige qu'un nom et l'information de la personne", () => {
    const r = beneficiaireSchema.safeParse({ nom: "  Martin ", prenom: "  ", informee: true });
    expect(r.success && r.data.prenom).toBeUndefined();
    expect(r.success && r.data).toMatchObject({
      nom: "Martin",
      sansTelephone: false,
      partageStructure: false,
    });
  });

  it("dit en français chaque champ fautif", () => {
    const r = beneficiaireSchema.safeParse({
      nom: "",
      anneeNaissance: "soixante",
      telephone: "12",
      email: "martin",
      genre: "autre",
      informee: false,
    });
    expect(r.success).toBe(false);
    const champs = Object.fromEntries(
      (r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]),
    );
    expect(Object.keys(champs).sort()).toEqual(
      ["anneeNaissance", "email", "genre", "informee", "nom", "telephone"].sort(),
    );
    expect(champs.nom).toBe("Le nom est obligatoire.");
    expect(champs.informee).toBe(
      "Indiquez que la personne a été informée de l'usage de ses données.",
    );
  });

  it("refuse un téléphone et « pas de téléphone » ensemble, et un champ inconnu", () => {
    expect(
      beneficiaireSchema.safeParse({
        nom: "Martin",
        informee: true,
        telephone: "06 12 34 56 78",
        sansTelephone: true,
      }).success,
    ).toBe(false);
    expect(
      beneficiaireSchema.safeParse({ nom: "Martin", informee: true, numeroSecu: "1" }).success,
    ).toBe(false);
  });

  it("refuse une année de naissance future au jour donné, pas la veille", () => {
    expect(refusAnneeFuture(2027, "2026-12-31")?.erreurs[0]?.champ).toBe("anneeNaissance");
    expect(refusAnneeFuture(2026, "2026-01-01")).toBeNull();
    expect(refusAnneeFuture(undefined, "2026-01-01")).toBeNull();
  });
});

describe("clé de comparaison des noms", () => {
  it("ignore accents, casse, traits d'union et apostrophes", () => {
    expect(cleDeNom("Jean-Noël", "D'Hondt")).toBe("jean noel d hondt");
    expect(cleDeNom(null, "  Lefèvre ")).toBe("lefevre");
    expect(cleDeNom(undefined, "ÉLODIE")).toBe("elodie");
  });
});
