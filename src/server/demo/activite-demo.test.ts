import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifierRollups } from "../activite/rollups.ts";
import { ouvrirBase } from "../db/client.ts";
import { chargerReferentiel } from "../db/referentiel.ts";
import { cra } from "../db/schema.ts";
import { genererDemo } from "./generateur.ts";

describe("activité de démonstration", () => {
  it("donne à la conseillère six mois de comptes rendus, agrégats compris", async () => {
    const base = await ouvrirBase({ memoire: true });
    try {
      await chargerReferentiel(base.db);
      await genererDemo(base.db, { maintenant: new Date("2026-11-24T09:00:00Z") });
      const [n] = await base.db.select({ n: count() }).from(cra);
      expect(n!.n).toBeGreaterThan(100);
      expect(await verifierRollups(base.db)).toEqual([]);
    } finally {
      await base.fermer();
    }
  });
});
