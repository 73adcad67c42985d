import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { executerSurServeur, urlAvecBase } from "../db/base-jetable.ts";
import { clientPglite, ouvrirBase } from "../db/client.ts";
import { chargerReferentiel } from "../db/referentiel.ts";
import { genererDemo } from "../demo/generateur.ts";
import { DEPART_HORLOGE_TEST } from "./plateforme.ts";

/** One template per test run: two runs sharing a server (a developer and CI) never collide. */
const MODELE = `cnfs_modele_test_${process.pid}`;

/** Builds once what every test database starts from: schema, reference data, demo personas. */
export default async function preparer(project: TestProject) {
  const dossier = await mkdtemp(join(tmpdir(), "cnfs-test-"));
  const base = await ouvrirBase({ memoire: true });
  await chargerReferentiel(base.db);
  await genererDemo(base.db, {
    maintenant: DEPART_HORLOGE_TEST,
    avecActivite: false,
    avecDecisions: false,
  });
  const dump = await clientPglite(base)!.dumpDataDir("none");
  const fichier = join(dossier, "pglite.tar");
  await writeFile(fichier, Buffer.from(await dump.arrayBuffer()));
  await base.fermer();
  project.provide("instantanePglite", fichier);

  const url = process.env.TEST_DATABASE_URL;
  let modele: string | null = null;
  if (url) {
    await executerSurServeur(url, `drop database if exists ${MODELE} with (force)`);
    await executerSurServeur(url, `create database ${MODELE}`);
    const serveur = await ouvrirBase({ url: urlAvecBase(url, MODELE) });
    await chargerReferentiel(serveur.db);
    await genererDemo(serveur.db, {
      maintenant: DEPART_HORLOGE_TEST,
      avecActivite: false,
      avecDecisions: false,
    });
    await serveur.fermer();
    modele = MODELE;
  }
  project.provide("modelePostgresql", modele);

  return async () => {
    await rm(dossier, { recursive: true, force: true });
    if (url) {
      await executerSurServeur(url, `drop database if exists ${MODELE} with (force)`);
    }
  };
}
