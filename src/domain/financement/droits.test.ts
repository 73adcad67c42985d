import { describe, expect, it } from "vitest";
import { droitsDuPoste, tempsRempliParMois, UNITES_PAR_MOIS } from "./droits.ts";

const PUBLIC = { plafondCents: 5_000_000, dureeMois: 24 };
const PRIVE = { plafondCents: 4_000_000, dureeMois: 24 };
const ANTILLES = { plafondCents: 7_000_000, dureeMois: 24 };

describe("droits à subvention d'un poste", () => {
  it("donne exactement le plafond après 24 mois pleins, et pas un centime de plus ensuite", () => {
    const d = droitsDuPoste(PUBLIC, [{ debut: "2021-03-01", fin: null }], "2023-02-28");
    expect(d).toMatchObject({ droitCents: 5_000_000, moisRemplis: 24 });
    expect(d.parMois).toHaveLength(24);
    expect(d.parMois.reduce((t, m) => t + m.cents, 0)).toBe(5_000_000);
    // 5,000,000 / 24 is not whole: each month rounds down, the last takes the remainder.
    expect(d.parMois.slice(0, 23).every((m) => m.cents === 208_333)).toBe(true);
    expect(d.parMois[23]!.cents).toBe(5_000_000 - 23 * 208_333);
    expect(
      droitsDuPoste(PUBLIC, [{ debut: "2021-03-01", fin: null }], "2024-06-30").droitCents,
    ).toBe(5_000_000);
  });

  it("compte un mois commencé au prorata de ses jours, février bissextile compris", () => {
    // 15 days of a 31-day March.
    expect(
      droitsDuPoste(PUBLIC, [{ debut: "2021-03-17", fin: null }], "2021-03-31").droitCents,
    ).toBe(Math.floor((5_000_000 * 15) / 31 / 24));
    // February 2024 has 29 days, February 2023 28: one day is not the same share.
    const bissextile = tempsRempliParMois(
      [{ debut: "2024-02-29", fin: "2024-02-29" }],
      "2024-12-31",
    );
    const ordinaire = tempsRempliParMois(
      [{ debut: "2023-02-28", fin: "2023-02-28" }],
      "2023-12-31",
    );
    expect(bissextile.get("2024-02")).toBe(UNITES_PAR_MOIS / 29);
    expect(ordinaire.get("2023-02")).toBe(UNITES_PAR_MOIS / 28);
    const fevrier = droitsDuPoste(
      PUBLIC,
      [{ debut: "2024-02-01", fin: "2024-02-29" }],
      "2024-12-31",
    );
    expect(fevrier.moisRemplis).toBe(1);
  });

  it("s'arrête à la rupture en cours de mois et reprend avec le contrat suivant", () => {
    const periodes = [
      { debut: "2021-04-01", fin: "2021-06-15" }, // rupture on 15 June
      { debut: "2021-09-01", fin: null }, // the next conseillère
    ];
    const enJuillet = droitsDuPoste(PUBLIC, periodes, "2021-07-31");
    const apresRupture = droitsDuPoste(PUBLIC, periodes, "2021-08-31");
    expect(apresRupture.droitCents).toBe(enJuillet.droitCents);
    expect(enJuillet.moisRemplis).toBe(2.5);
    expect(apresRupture.parMois.map((m) => m.mois)).toEqual(["2021-04", "2021-05", "2021-06"]);
    const reprise = droitsDuPoste(PUBLIC, periodes, "2021-09-30");
    expect(reprise.moisRemplis).toBe(3.5);
    // April, May and September whole; half of June, each rounded down.
    expect(reprise.droitCents).toBe(3 * 208_333 + Math.floor(5_000_000 / 24 / 2));
  });

  it("atteint le plafond au milieu d'un mois quand des contrats successifs dépassent la durée", () => {
    const periodes = [
      { debut: "2021-01-01", fin: "2022-06-30" }, // 18 months
      { debut: "2022-09-01", fin: "2023-12-31" }, // renewal: 16 more months
    ];
    const d = droitsDuPoste(PRIVE, periodes, "2024-01-31");
    expect(d).toMatchObject({ droitCents: 4_000_000, moisRemplis: 24 });
    expect(d.parMois.at(-1)!.mois).toBe("2023-02");
  });

  it("compte une fois les jours couverts par deux contrats à la fois", () => {
    const seul = droitsDuPoste(PUBLIC, [{ debut: "2021-05-01", fin: "2021-05-31" }], "2021-12-31");
    const doubles = droitsDuPoste(
      PUBLIC,
      [
        { debut: "2021-05-01", fin: "2021-05-31" },
        { debut: "2021-05-10", fin: "2021-05-20" },
      ],
      "2021-12-31",
    );
    expect(doubles).toEqual(seul);
  });

  it("applique le plafond du poste (outre-mer, secteur privé) et ignore les jours à venir", () => {
    const an = [{ debut: "2022-01-01", fin: null }];
    expect(droitsDuPoste(ANTILLES, an, "2022-12-31").droitCents).toBe(
      12 * Math.floor(7_000_000 / 24),
    );
    expect(droitsDuPoste(PRIVE, an, "2022-12-31").droitCents).toBe(12 * Math.floor(4_000_000 / 24));
    expect(
      droitsDuPoste(PUBLIC, [{ debut: "2030-01-01", fin: null }], "2029-12-31").droitCents,
    ).toBe(0);
    expect(droitsDuPoste(PUBLIC, [], "2029-12-31")).toEqual({
      droitCents: 0,
      moisRemplis: 0,
      parMois: [],
    });
  });

  it("ne perd ni ne crée de centime, quelles que soient les périodes", () => {
    for (let graine = 1; graine <= 200; graine++) {
      const periodes = Array.from({ length: (graine % 3) + 1 }, (_, i) => {
        const debut = new Date(
          Date.UTC(2021, (graine * 7 + i * 11) % 30, 1 + ((graine * 13) % 28)),
        );
        const fin = new Date(debut.getTime() + ((graine * 37 + i * 101) % 500) * 86_400_000);
        return { debut: debut.toISOString().slice(0, 10), fin: fin.toISOString().slice(0, 10) };
      });
      const d = droitsDuPoste(PUBLIC, periodes, "2025-12-31");
      expect(d.parMois.reduce((t, m) => t + m.cents, 0)).toBe(d.droitCents);
      expect(d.droitCents).toBeLessThanOrEqual(5_000_000);
      expect(d.parMois.every((m) => Number.isInteger(m.cents) && m.cents > 0)).toBe(true);
    }
  });
});
