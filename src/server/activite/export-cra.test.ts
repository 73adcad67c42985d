import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contrat, cra, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const NOMBRE = 12_001;

describe.each(BASES_DE_TEST)("export des comptes rendus sur %s", (type) => {
  let p: PlateformeDeTest;

  beforeAll(async () => {
    p = await plateformeDeTest(type);
    const [u] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "conseiller@demo.conseiller-numerique.fr"));
    const [k] = await p.base.db.select().from(contrat).where(eq(contrat.utilisateurId, u!.id));
    // More rows than one batch of the stream, in several inserts.
    for (let debut = 0; debut < NOMBRE; debut += 2_000) {
      await p.base.db.insert(cra).values(
        Array.from({ length: Math.min(2_000, NOMBRE - debut) }, (_, i) => ({
          conseillerId: u!.id,
          structureId: k!.structureId,
          type: "individuel" as const,
          date: `2025-${String(((debut + i) % 12) + 1).padStart(2, "0")}-15`,
          dureeMinutes: 30,
          typeLieu: "a_distance" as const,
          departementCode: "62",
          nbParticipants: 1,
          ages: { non_communique: 1 },
          statuts: { non_communique: 1 },
          genres: { non_communique: 1 },
          thematiques: ["email"],
          notes: debut + i === 0 ? '=HYPERLINK("http://exemple.test")' : null,
        })),
      );
    }
  });
  afterAll(() => p.arreter());

  it("envoie chaque compte rendu une fois, dans l'ordre des dates, formules neutralisées", async () => {
    const cookie = await connecterPersona(p, "conseiller@demo.conseiller-numerique.fr");
    const r = await p.app.inject({ url: "/api/exports-cra?format=csv", headers: { cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-disposition"]).toMatch(
      /Comptes_rendus_conseiller_debut_2026-03-02\.csv/,
    );
    const lignes = r.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lignes[0]).toMatch(/^Date;Conseiller;Structure;Type;/);
    expect(lignes).toHaveLength(NOMBRE + 1);
    const dates = lignes.slice(1).map((l) => l.split(";")[0]!.split("/").reverse().join("-"));
    expect(dates).toEqual([...dates].sort());
    expect(r.body).toContain("'=HYPERLINK");
    const periode = await p.app.inject({
      url: "/api/exports-cra?format=csv&du=2025-03-01&au=2025-03-31",
      headers: { cookie },
    });
    expect(periode.body.trimEnd().split("\r\n")).toHaveLength(1_000 + 1);
  });

  it("donne la structure employeuse, rien à une autre, et un XLSX lisible", async () => {
    const pimms = await connecterPersona(p, "structure.pimms@demo.conseiller-numerique.fr");
    const xlsx = await p.app.inject({
      url: "/api/exports-cra?format=xlsx&du=2025-01-01&au=2025-01-31",
      headers: { cookie: pimms },
    });
    expect(xlsx.statusCode).toBe(200);
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    // Three header lines and an empty one, the titles, then one row in twelve falls in
    // January: 1,001 reports.
    const feuille = classeur.worksheets[0]!;
    expect(String(feuille.getRow(1).getCell(1).value)).toMatch(
      /^Exporté par Yasmine Carpentier le /,
    );
    expect(feuille.getRow(5).getCell(1).value).toBe("Date");
    expect(feuille.rowCount).toBe(5 + 1_001);
    const cabbalr = await connecterPersona(p, "structure.cabbalr@demo.conseiller-numerique.fr");
    const vide = await p.app.inject({
      url: "/api/exports-cra?format=csv",
      headers: { cookie: cabbalr },
    });
    expect(vide.body.trimEnd().split("\r\n")).toHaveLength(1);
  });
});
