import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileDeTravail } from "../../domain/espaces.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const D = "demo.conseiller-numerique.fr";

/**
 * The API list behind each queue's screen, and where its exact total is: a queue must count
 * what the list it opens holds.
 */
const LISTES: Record<string, (lien: URL) => string> = {
  "/espace/demandes": (l) => `/api/demandes${l.search}`,
  "/espace/postes": (l) => `/api/postes${l.search}`,
  "/espace/contrats": (l) => `/api/recrutement/contrats${l.search}&page=1`,
  "/espace/admin/recrutements": (l) => `/api/recrutement/contrats${l.search}&page=1`,
  "/espace/structure/recrutements": (l) => `/api/recrutement/contrats${l.search}&page=1`,
  "/espace/conseillers": (l) => `/api/pilotage/conseillers${l.search}&page=1`,
  "/espace/admin/courriels": (l) => `/api/admin/courriels${l.search}`,
  "/espace/financeur/grand-livre": (l) => `/api/financement/postes${l.search}&page=1`,
  "/espace/conseiller/cra": (l) => `/api/cra${l.search}`,
};

describe.each(BASES_DE_TEST)("files de travail sur %s", (type) => {
  let p: PlateformeDeTest;
  const cookies: Record<string, string> = {};
  const qui = [
    "admin",
    "prefet.62",
    "structure.pimms",
    "conseiller",
    "coordinateur",
    "hub.assembleurs",
    "reseau.emmaus",
    "financeur",
    "candidat",
  ];
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    for (const q of qui) cookies[q] = await connecterPersona(p, `${q}@${D}`);
  });
  afterAll(() => p.arreter());

  const lire = async (q: string, url: string) => {
    const r = await p.app.inject({ url, headers: { cookie: cookies[q]! } });
    expect(r.statusCode, `${q} ${url} ${r.body}`).toBe(200);
    return r.json();
  };

  it("chaque file compte exactement ce que sa liste filtrée contient, dans le périmètre du rôle", async () => {
    const vues = new Set<string>();
    for (const q of qui) {
      const { files } = (await lire(q, "/api/espace/files")) as { files: FileDeTravail[] };
      if (q === "candidat") {
        expect(files).toEqual([]);
        continue;
      }
      expect(files.length, q).toBeGreaterThan(0);
      for (const f of files) {
        const lien = new URL(f.lien, "http://plateforme");
        const api = LISTES[lien.pathname];
        expect(api, `${q} ${f.lien}`).toBeDefined();
        const liste = await lire(q, api!(lien));
        expect(liste.total, `${q} : ${f.libelle}`).toBe(f.nombre);
        vues.add(f.cle);
      }
    }
    // Something is counted in the demo: not every queue is trivially empty.
    expect(vues.size).toBeGreaterThan(8);
  });

  it("refuse une session anonyme", async () => {
    const r = await p.app.inject({ url: "/api/espace/files" });
    expect(r.statusCode).toBe(401);
  });
});
