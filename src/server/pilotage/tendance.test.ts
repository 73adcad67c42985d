import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jourParis } from "../../domain/temps.ts";
import { contrat, poste, structure } from "../db/schema.ts";
import { genererEchelleNationale } from "../demo/echelle-nationale.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import type { MoisTendance } from "./tendance-queries.ts";

const D = "demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("tendance des tableaux de bord sur 12 mois sur %s", (type) => {
  let p: PlateformeDeTest;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    // Posts granted and contracts started over several years, in every département.
    await genererEchelleNationale(p.base.db, {
      volumes: { structures: 80, conseillers: 40, candidats: 0, lieux: 40, cras: 0 },
    });
    for (const q of ["admin", "prefet.62", "financeur"])
      cookies[q] = await connecterPersona(p, `${q}@${D}`);
  });
  afterAll(() => p.arreter());

  const tendance = async (qui: string) => {
    const r = await p.app.inject({
      url: "/api/pilotage/tendance",
      headers: { cookie: cookies[qui]! },
    });
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { mois: MoisTendance[] }).mois;
  };

  /** The same figures read from the rows themselves, month end by month end. */
  const attendus = async (mois: MoisTendance[], departement?: string) => {
    const postes = await p.base.db
      .select({ attribution: poste.dateAttribution, departement: structure.departementCode })
      .from(poste)
      .innerJoin(structure, eq(structure.id, poste.structureId));
    const contrats = await p.base.db
      .select({
        statut: contrat.statut,
        debut: contrat.dateDebut,
        fin: contrat.dateFin,
        finEffective: contrat.dateFinEffective,
        departement: structure.departementCode,
      })
      .from(contrat)
      .innerJoin(structure, eq(structure.id, contrat.structureId));
    const dans = (d: string) => !departement || d === departement;
    return mois.map((m) => ({
      ...m,
      postesAttribues: postes.filter((x) => dans(x.departement) && x.attribution <= m.au).length,
      conseillersSousContrat: contrats.filter(
        (c) =>
          dans(c.departement) &&
          (c.statut === "actif" || c.statut === "termine") &&
          c.debut <= m.au &&
          (c.finEffective ?? c.fin ?? "9999-12-31") >= m.au,
      ).length,
    }));
  };

  it("donne chaque fin de mois des 12 derniers, aujourd'hui pour le mois en cours", async () => {
    const mois = await tendance("admin");
    const aujourdhui = jourParis(p.horloge.maintenant());
    expect(mois).toHaveLength(12);
    expect(mois.at(-1)!.au).toBe(aujourdhui);
    expect(mois.at(-1)!.mois).toBe(aujourdhui.slice(0, 7));
    for (const [i, m] of mois.entries()) {
      if (i > 0) expect(m.mois > mois[i - 1]!.mois).toBe(true);
      expect(m.au.slice(0, 7)).toBe(m.mois);
    }
    expect(mois).toEqual(await attendus(mois));
    // The generated programme moved during the year: the series is not flat.
    expect(new Set(mois.map((m) => m.conseillersSousContrat)).size).toBeGreaterThan(1);
  });

  it("reste dans le périmètre de l'habilitation", async () => {
    const national = await tendance("financeur");
    expect(national).toEqual(await attendus(national));
    const pasDeCalais = await tendance("prefet.62");
    expect(pasDeCalais).toEqual(await attendus(pasDeCalais, "62"));
    expect(pasDeCalais.at(-1)!.postesAttribues).toBeLessThan(national.at(-1)!.postesAttribues);
  });
});
