import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EtatTache } from "../../domain/taches.ts";
import { journal } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { TACHES } from "./catalogue.ts";

describe.each(BASES_DE_TEST)("page « Tâches » de l'ANCT en mode embarqué sur %s", (type) => {
  let p: PlateformeDeTest;
  let admin: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    admin = await connecterPersona(p, "admin@demo.conseiller-numerique.fr");
  });
  afterAll(() => p.arreter());

  const etat = async () => {
    const r = await p.app.inject({ url: "/api/admin/taches", headers: { cookie: admin } });
    expect(r.statusCode).toBe(200);
    return r.json() as { mode: string; taches: EtatTache[] };
  };

  it("liste chaque tâche du catalogue, puis sa réussite après une relance journalisée", async () => {
    const avant = await etat();
    expect(avant.mode).toBe("locales");
    expect(avant.taches.map((t) => t.nom)).toEqual(TACHES.map((t) => t.nom));
    expect(avant.taches.every((t) => t.derniereReussite === null && t.dernierEchec === null)).toBe(
      true,
    );
    const r = await p.app.inject({
      method: "POST",
      url: "/api/admin/taches/menage/relance",
      headers: { cookie: admin },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().message).toMatch(/^Tâche « Ménage/);
    const apres = (await etat()).taches.find((t) => t.nom === "menage")!;
    expect(apres.derniereReussite).toBe(p.horloge.maintenant().toISOString());
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(and(eq(journal.action, "tache.relancee"), eq(journal.cibleId, "menage")));
    expect(traces).toHaveLength(1);
  });

  it("refuse en français une tâche inconnue, sans rien journaliser", async () => {
    const r = await p.app.inject({
      method: "POST",
      url: "/api/admin/taches/tout-effacer/relance",
      headers: { cookie: admin },
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().erreurs[0].message).toBe("Tâche inconnue.");
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(eq(journal.cibleId, "tout-effacer"));
    expect(traces).toHaveLength(0);
  });
});
