import { describe, expect, it } from "vitest";
import { dernierArrete, situationDuPoste } from "./echeancier.ts";

const REGLE = { plafondCents: 5_000_000, dureeMois: 24 };
const VERSEMENT = { avancePourcent: 20, periodeMois: 3 };
const MENSUEL = 208_333;

describe("échéancier et situation d'un poste", () => {
  it("arrête les périodes à la fin de chaque trimestre civil", () => {
    expect(dernierArrete("2021-08-15", 3)).toBe("2021-06-30");
    expect(dernierArrete("2021-06-30", 3)).toBe("2021-06-30");
    expect(dernierArrete("2021-06-29", 3)).toBe("2021-03-31");
    expect(dernierArrete("2021-01-10", 3)).toBe("2020-12-31");
    expect(dernierArrete("2024-02-29", 1)).toBe("2024-02-29");
    expect(dernierArrete("2024-02-28", 1)).toBe("2024-01-31");
    expect(dernierArrete("2021-12-31", 12)).toBe("2021-12-31");
  });

  it("appelle l'avance à la validation, puis les droits échus de chaque trimestre", () => {
    const base = {
      regle: REGLE,
      versement: VERSEMENT,
      validation: "2021-04-01",
      periodes: [{ debut: "2021-04-01", fin: null }],
      verseCents: 0,
      clos: false,
    };
    expect(situationDuPoste({ ...base, validation: null, au: "2021-04-15" })).toMatchObject({
      appeleCents: 0,
      duCents: 0,
    });
    const avance = situationDuPoste({ ...base, au: "2021-04-15" });
    expect(avance).toMatchObject({ appeleCents: 1_000_000, duCents: 1_000_000 });
    // End of September: 6 months accrued (1,249,998) is above the advance.
    const automne = situationDuPoste({ ...base, verseCents: 1_000_000, au: "2021-10-05" });
    expect(automne).toMatchObject({
      arrete: "2021-09-30",
      appeleCents: 6 * MENSUEL,
      duCents: 6 * MENSUEL - 1_000_000,
    });
    expect(automne.droitCents).toBeGreaterThan(automne.appeleCents);
  });

  it("ne dépasse jamais le plafond et calcule le trop-perçu à la clôture", () => {
    const base = {
      regle: REGLE,
      versement: VERSEMENT,
      validation: "2021-01-04",
      verseCents: 0,
    };
    const fini = situationDuPoste({
      ...base,
      periodes: [{ debut: "2021-01-04", fin: null }],
      clos: false,
      au: "2024-01-01",
    });
    expect(fini.appeleCents).toBe(5_000_000);
    // A rupture after 3 months, the post given back, 1,000,000 already paid as advance.
    const rendu = situationDuPoste({
      ...base,
      periodes: [{ debut: "2021-01-01", fin: "2021-03-31" }],
      verseCents: 1_000_000,
      clos: true,
      au: "2021-06-30",
    });
    expect(rendu).toMatchObject({ droitCents: 3 * MENSUEL, appeleCents: 3 * MENSUEL, duCents: 0 });
    expect(rendu.tropPercuCents).toBe(1_000_000 - 3 * MENSUEL);
  });

  it("tient compte des corrections : ce qui est versé en trop n'est jamais dû", () => {
    const s = situationDuPoste({
      regle: REGLE,
      versement: { avancePourcent: 0, periodeMois: 1 },
      validation: "2021-01-01",
      periodes: [{ debut: "2021-01-01", fin: null }],
      verseCents: 10 * MENSUEL,
      clos: false,
      au: "2021-03-15",
    });
    expect(s).toMatchObject({ appeleCents: 2 * MENSUEL, duCents: 0, tropPercuCents: 0 });
  });
});
