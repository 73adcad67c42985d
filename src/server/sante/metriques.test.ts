import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TACHES } from "../taches/catalogue.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const JETON = "jeton-de-lecture-des-mesures-0123456789";

describe.each(BASES_DE_TEST)("mesures pour la supervision sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeAll(async () => {
    p = await plateformeDeTest(type, { METRICS_TOKEN: JETON });
  });
  afterAll(() => p.arreter());

  const mesures = (entetes: Record<string, string> = {}, remoteAddress = "127.0.0.1") =>
    p.app.inject({ url: "/metrics", headers: entetes, remoteAddress });

  it("donne au format Prometheus la durée de chaque route, les tâches, les courriels et les compteurs", async () => {
    for (let i = 0; i < 3; i++) await p.app.inject({ url: "/api/sante" });
    await p.app.inject({ url: "/api/structures/inconnue" });
    const r = await mesures();
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/plain/);
    // The route's pattern, not the address asked.
    expect(r.body).toContain(
      'cnfs_http_duree_secondes_count{methode="GET",route="/api/sante",statut="200"} 3',
    );
    expect(r.body).toMatch(
      /cnfs_http_duree_secondes_count\{methode="GET",route="\/api\/structures\/:id",statut="40\d"\} 1/,
    );
    expect(r.body).not.toContain("/api/structures/inconnue");
    expect(r.body).toContain("cnfs_courriels_en_echec 0");
    expect(r.body).toMatch(/^cnfs_compteurs_cra_en_attente \d+$/m);
    expect(r.body).toMatch(/^cnfs_taches_derniere_reussite_horodatage\{tache="menage"\} 0$/m);
    expect(r.body).toMatch(/^cnfs_process_resident_memory_bytes \d+/m);
  });

  it("ne se lit que depuis une adresse autorisée ou avec le jeton", async () => {
    const refus = await mesures({}, "203.0.113.9");
    expect(refus.statusCode).toBe(403);
    expect(refus.json().erreurs[0].message).toMatch(/^Les mesures ne se lisent que/);
    expect((await mesures({ authorization: "Bearer mauvais" }, "203.0.113.9")).statusCode).toBe(
      403,
    );
    expect((await mesures({ authorization: `Bearer ${JETON}` }, "203.0.113.9")).statusCode).toBe(
      200,
    );
  });

  it("l'ANCT lit les mêmes contrôles en JSON, les autres non", async () => {
    const admin = await connecterPersona(p, "admin@demo.conseiller-numerique.fr");
    const r = await p.app.inject({ url: "/api/sante/detail", headers: { cookie: admin } });
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d.courrielsEnEchec).toBe(0);
    expect(d.taches).toHaveLength(TACHES.length);
    expect(d.compteursEnAttente.nombre).toBeGreaterThanOrEqual(0);
    const prefet = await connecterPersona(p, "prefet.62@demo.conseiller-numerique.fr");
    expect(
      (await p.app.inject({ url: "/api/sante/detail", headers: { cookie: prefet } })).statusCode,
    ).toBe(403);
  });
});
