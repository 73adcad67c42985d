import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chargerNouvelleAquitaine } from "../demo/nouvelle-aquitaine.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const D = "demo.conseiller-numerique.fr";
type Ligne = Record<string, number | string | null>;

/**
 * programme.md §7: 457 conseillers hosted in Nouvelle-Aquitaine, 64 % in public structures;
 * 36 / 22 / 14 planned in Haute-Vienne, Corrèze, Creuse — out of the dashboards, from the
 * committee's decisions loaded through the import and the recruitments' contracts.
 */
describe.each(BASES_DE_TEST)("chiffres de la Nouvelle-Aquitaine sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    await chargerNouvelleAquitaine(p.base.db, p.horloge.maintenant());
  });
  afterAll(() => p.arreter());

  const lire = async (qui: string, query: string) => {
    const cookie = await connecterPersona(p, `${qui}@${D}`);
    const r = await p.app.inject({ url: `/api/pilotage/tableau?${query}`, headers: { cookie } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { total: Ligne; lignes: Ligne[] };
  };

  it("l'ANCT lit 457 conseillers accueillis dans la région, 64 % en structure publique", async () => {
    const t = await lire("admin", "decoupage=region");
    const na = t.lignes.find((l) => l.code === "75")!;
    expect(na).toMatchObject({ nom: "Nouvelle-Aquitaine", recrutes: 457, recrutesPublic: 293 });
    expect(Math.round(Number(na.partPublic))).toBe(64);
  });

  it("la préfecture de région lit 36, 22 et 14 postes en Haute-Vienne, Corrèze et Creuse", async () => {
    const t = await lire("prefet.na", "decoupage=departement");
    const dotation = (code: string) => t.lignes.find((l) => l.code === code)?.dotation;
    expect([dotation("87"), dotation("19"), dotation("23")]).toEqual([36, 22, 14]);
    expect(t.total).toMatchObject({ recrutes: 457, dotationProposition: t.total.dotation });
    // Nothing outside the région.
    expect(
      t.lignes.every((l) =>
        ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"].includes(
          String(l.code),
        ),
      ),
    ).toBe(true);
  });
});
