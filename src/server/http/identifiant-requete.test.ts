import { Writable } from "node:stream";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import {
  journalCourant,
  optionsIdentifiantRequete,
  suivreLesRequetes,
} from "./identifiant-requete.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("identifiant de requête", () => {
  it("chaque ligne écrite pendant une requête, par la route ou par un service, porte son identifiant ; hors requête, aucun", async () => {
    const lignes: Record<string, unknown>[] = [];
    const flux = new Writable({
      write(morceau, _encodage, suite) {
        for (const l of String(morceau).split("\n").filter(Boolean)) lignes.push(JSON.parse(l));
        suite();
      },
    });
    const app = Fastify({
      logger: { level: "info", stream: flux },
      ...optionsIdentifiantRequete(),
    });
    suivreLesRequetes(app);
    // What a service is given: the platform's logger, not the request's.
    const journal = journalCourant(() => app.log);
    app.get("/essai", async () => {
      await new Promise((ok) => setTimeout(ok, 5));
      journal.info({ service: "messagerie" }, "écrit par un service");
      return { ok: true };
    });
    const r = await app.inject({ url: "/essai" });
    journal.info({}, "hors requête");
    await app.close();
    const id = r.headers["x-request-id"];
    expect(id).toMatch(UUID);
    const duService = lignes.find((l) => l.msg === "écrit par un service");
    expect(duService).toMatchObject({ requestId: id, service: "messagerie" });
    expect(lignes.find((l) => l.msg === "request completed")).toMatchObject({ requestId: id });
    expect(lignes.find((l) => l.msg === "hors requête")).not.toHaveProperty("requestId");
  });

  describe("sur la plateforme", () => {
    let p: PlateformeDeTest;
    beforeAll(async () => {
      p = await plateformeDeTest("pglite");
    });
    afterAll(() => p.arreter());

    it("répond avec un identifiant unique, garde celui du répartiteur quand il en a la forme, remplace un identifiant hostile", async () => {
      const a = await p.app.inject({ url: "/api/sante" });
      const b = await p.app.inject({ url: "/api/sante" });
      expect(a.headers["x-request-id"]).toMatch(UUID);
      expect(a.headers["x-request-id"]).not.toBe(b.headers["x-request-id"]);
      const repris = await p.app.inject({
        url: "/api/sante",
        headers: { "x-request-id": "lb-7f3a9c2e-0001" },
      });
      expect(repris.headers["x-request-id"]).toBe("lb-7f3a9c2e-0001");
      const hostile = await p.app.inject({
        url: "/api/sante",
        headers: { "x-request-id": '"}\n{"niveau":"faux' },
      });
      expect(hostile.headers["x-request-id"]).toMatch(UUID);
    });
  });
});
