import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lireConfig } from "../config.ts";
import { demarrerPlateforme, type Plateforme } from "../demarrage.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { type PlateformeDeTest, plateformeDeTest, URL_TEST } from "../test/plateforme.ts";

/** The Redis server the shared limits are tested against (CI starts one). */
const REDIS = process.env.TEST_REDIS_URL;

/** Two instances of the platform on one database, as behind a load balancer. */
async function deuxInstances(type: (typeof BASES_DE_TEST)[number], env: Record<string, string>) {
  const a = await plateformeDeTest(type, env);
  const b = await demarrerPlateforme(
    lireConfig({
      NODE_ENV: "test",
      CNFS_DEMO: "1",
      LOG_LEVEL: "silent",
      PUBLIC_URL: URL_TEST,
      ...env,
    }),
    { base: a.base, horloge: a.horloge.maintenant },
  );
  return { a, b };
}

const demanderLien = (p: Plateforme, i: number) =>
  p.app.inject({
    method: "POST",
    url: "/api/auth/lien",
    remoteAddress: "203.0.113.7",
    payload: { email: `personne${i}@exemple.fr` },
  });

describe.skipIf(!REDIS).each(BASES_DE_TEST)(
  "limites partagées par les instances sur %s",
  (type) => {
    let redis: Redis;
    const instances: { a: PlateformeDeTest; b: Plateforme }[] = [];
    const viderLesCompteurs = async () => {
      const cles = await redis.keys("cnfs-limite:*");
      if (cles.length) await redis.del(...cles);
    };
    beforeAll(async () => {
      redis = new Redis(REDIS!);
    });
    afterAll(async () => {
      for (const { a, b } of instances) {
        await b.arreter();
        await a.arreter();
      }
      await redis.quit();
    });

    it("la limite de demandes de lien par adresse vaut pour les deux instances ensemble", async () => {
      await viderLesCompteurs();
      const { a, b } = await deuxInstances(type, { REDIS_URL: REDIS! });
      instances.push({ a, b });
      // Ten requests per quarter of an hour from one address (the sign-in limit), spread over
      // both instances: the eleventh is refused, whichever instance receives it.
      for (let i = 0; i < 6; i++) expect((await demanderLien(a, i)).statusCode).toBe(202);
      for (let i = 6; i < 10; i++) expect((await demanderLien(b, i)).statusCode).toBe(202);
      const refus = await demanderLien(b, 10);
      expect(refus.statusCode).toBe(429);
      expect(refus.json().erreurs[0].message).toMatch(/^Trop de demandes en peu de temps/);
      expect((await demanderLien(a, 11)).statusCode).toBe(429);
      // Another address keeps its own count.
      const autre = await a.app.inject({
        method: "POST",
        url: "/api/auth/lien",
        remoteAddress: "203.0.113.8",
        payload: { email: "autre@exemple.fr" },
      });
      expect(autre.statusCode).toBe(202);
    });

    it("sans Redis, chaque instance compte seule : la raison du magasin partagé", async () => {
      const { a, b } = await deuxInstances(type, {});
      instances.push({ a, b });
      for (let i = 0; i < 6; i++) expect((await demanderLien(a, i)).statusCode).toBe(202);
      for (let i = 6; i < 11; i++) expect((await demanderLien(b, i)).statusCode).toBe(202);
    });

    it("une session ouverte sur une instance vaut sur l'autre", async () => {
      const { a, b } = instances[0]!;
      const connexion = await a.app.inject({
        method: "POST",
        url: "/api/dev/connexion",
        payload: { email: "admin@demo.conseiller-numerique.fr" },
      });
      const cookie = connexion.cookies.find((c) => c.name === "cnfs_session")!;
      const moi = await b.app.inject({
        url: "/api/moi",
        headers: { cookie: `cnfs_session=${cookie.value}` },
      });
      expect(moi.statusCode).toBe(200);
      expect(moi.json().utilisateur.email).toBe("admin@demo.conseiller-numerique.fr");
    });
  },
);
