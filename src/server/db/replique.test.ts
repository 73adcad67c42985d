import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lireConfig } from "../config.ts";
import { demarrerPlateforme, type Plateforme } from "../demarrage.ts";
import { lieuDeTest } from "../test/lieu-de-test.ts";
import { connecterPersona, horlogeReglable, URL_TEST } from "../test/plateforme.ts";
import { attendreRattrapage } from "../test/replication.ts";
import { executerSurServeur, lignesSurServeur, urlAvecBase } from "./base-jetable.ts";

// A primary and its streaming replica (`scripts/replication-locale.sh`, started by the CI).
const PRIMAIRE = process.env.TEST_PRIMAIRE_URL;
const REPLIQUE = process.env.TEST_REPLIQUE_URL;

const mediatheque = lieuDeTest("Médiathèque de la réplique");

describe.skipIf(!PRIMAIRE || !REPLIQUE)(
  "lectures sur une réplique en flux (DATABASE_REPLICA_URL)",
  () => {
    const nom = `cnfs_replique_${process.pid}`;
    let primaire: string;
    let replique: string;
    let p: Plateforme;

    beforeAll(async () => {
      await executerSurServeur(PRIMAIRE!, `drop database if exists ${nom} with (force)`);
      await executerSurServeur(PRIMAIRE!, `create database ${nom}`);
      primaire = urlAvecBase(PRIMAIRE!, nom);
      replique = urlAvecBase(REPLIQUE!, nom);
      await attendreRattrapage(PRIMAIRE!, REPLIQUE!);
      p = await demarrerPlateforme(
        lireConfig({
          NODE_ENV: "test",
          CNFS_DEMO: "1",
          LOG_LEVEL: "silent",
          PUBLIC_URL: URL_TEST,
          DATABASE_URL: primaire,
          DATABASE_REPLICA_URL: replique,
          CNFS_TACHES: "locales",
        }),
        { horloge: horlogeReglable().maintenant },
      );
    }, 120_000);

    afterAll(async () => {
      await lignesSurServeur(REPLIQUE!, "select pg_wal_replay_resume()").catch(() => undefined);
      await p?.arreter();
      await executerSurServeur(PRIMAIRE!, `drop database if exists ${nom} with (force)`);
    });

    it("la carte publique se lit sur la réplique : un lieu créé sur la primaire y paraît une fois la réplication rattrapée, pas avant", async () => {
      const moi = await connecterPersona(p, "conseiller@demo.conseiller-numerique.fr");
      await attendreRattrapage(PRIMAIRE!, REPLIQUE!);
      // The replica stops replaying: what the primary writes now is not there yet.
      await lignesSurServeur(REPLIQUE!, "select pg_wal_replay_pause()");
      const r = await p.app.inject({
        method: "POST",
        url: "/api/conseiller/lieux",
        headers: { cookie: moi },
        payload: { nature: "secondaire", lieu: mediatheque },
      });
      // The write went to the primary (the replica refuses any write).
      expect(r.statusCode, r.body).toBe(201);
      const { lieuId } = r.json() as { lieuId: string };
      const [ecrit] = await lignesSurServeur<{ nom: string }>(
        primaire,
        `select nom from lieu where id = '${lieuId}'`,
      );
      expect(ecrit?.nom).toBe(mediatheque.nom);
      const pendantLaPause = await p.app.inject({ url: `/api/v1/lieux/${lieuId}` });
      expect(pendantLaPause.statusCode).toBe(404);
      await lignesSurServeur(REPLIQUE!, "select pg_wal_replay_resume()");
      await attendreRattrapage(PRIMAIRE!, REPLIQUE!);
      const fiche = await p.app.inject({ url: `/api/v1/lieux/${lieuId}` });
      expect(fiche.statusCode, fiche.body).toBe(200);
      expect(fiche.json()).toMatchObject({ nom: mediatheque.nom });
    }, 60_000);

    it("statistiques publiques, tableau de bord et données ouvertes répondent depuis la réplique", async () => {
      await attendreRattrapage(PRIMAIRE!, REPLIQUE!);
      const [{ lectures: avant }] = (await lignesSurServeur<{ lectures: string }>(
        replique,
        `select tup_returned::text as lectures from pg_stat_database where datname = '${nom}'`,
      )) as [{ lectures: string }];
      expect((await p.app.inject({ url: "/api/public/statistiques" })).statusCode).toBe(200);
      expect((await p.app.inject({ url: "/api/v1/donnees" })).statusCode).toBe(200);
      const admin = await connecterPersona(p, "admin@demo.conseiller-numerique.fr");
      const tableau = await p.app.inject({
        url: "/api/pilotage/tableau",
        headers: { cookie: admin },
      });
      expect(tableau.statusCode, tableau.body).toBe(200);
      // The replica's own statistics count the rows these reads returned there.
      await new Promise((ok) => setTimeout(ok, 600));
      const [{ lectures: apres }] = (await lignesSurServeur<{ lectures: string }>(
        replique,
        `select tup_returned::text as lectures from pg_stat_database where datname = '${nom}'`,
      )) as [{ lectures: string }];
      expect(BigInt(apres)).toBeGreaterThan(BigInt(avant));
    }, 60_000);
  },
);
