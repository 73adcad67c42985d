import type { FastifyInstance } from "fastify";
import { verserAttente } from "./activite/index.ts";
import { construireApp } from "./app.ts";
import type { Config } from "./config.ts";
import { type Base, ouvrirBase } from "./db/client.ts";
import { chargerReferentiel } from "./db/referentiel.ts";
import { genererDemo } from "./demo/index.ts";
import { journalCourant } from "./http/identifiant-requete.ts";
import { CacheReponses } from "./infra/cache-reponses.ts";
import { creerGeocodeur } from "./infra/geocodeur.ts";
import { creerMessagerie, type Messagerie } from "./infra/messagerie.ts";
import { creerProConnect } from "./infra/proconnect.ts";
import { genererDonneesOuvertes, genererDonneesOuvertesSiPerimees } from "./opendata/index.ts";
import { placerAuPointDeLaCommune } from "./referentiel/index.ts";
import {
  clientDeFile,
  executerLocalement,
  relanceParFile,
  TACHES,
  travauxEnFile,
  travauxSurPlace,
} from "./taches/index.ts";

/** Pending CRA counters are folded into the roll-ups this often (ADR 010). */
const PERIODE_VERSEMENT_MS = 2_000;
const PERIODE_DONNEES_OUVERTES_MS = 60 * 60 * 1000;
/** How long after a place change open data is regenerated (changes meanwhile join the run). */
const DELAI_REGENERATION_MS = 2_000;

export type Plateforme = {
  app: FastifyInstance;
  base: Base;
  config: Config;
  messagerie: Messagerie;
  /** The open-data files written at start (or found fresh): tests wait for them, not a server. */
  ouvertesAuDemarrage: Promise<unknown>;
  arreter: () => Promise<void>;
};

/** Opens the database (migrations applied), loads reference and demo data, builds the app. */
export async function demarrerPlateforme(
  config: Config,
  options: { base?: Base; horloge?: () => Date } = {},
): Promise<Plateforme> {
  if (!options.base && config.production && !config.databaseUrl)
    throw new Error(
      "En production, DATABASE_URL est obligatoire : la base embarquée (PGlite) ne sert qu'à la démonstration et au développement, sur un seul processus.",
    );
  // The app's logger once it exists; inside a request, the request's (with its id).
  let journalApp: FastifyInstance["log"] | undefined;
  const journalDemarrage = journalCourant(() => journalApp);
  const base =
    options.base ??
    (await ouvrirBase(
      config.databaseUrl
        ? {
            url: config.databaseUrl,
            taillePool: config.taillePool,
            // In production, migrating is the release's step; an instance only checks.
            migrations: config.production ? "verifier" : "appliquer",
            journal: journalDemarrage,
          }
        : { dossier: config.dossierPglite },
    ));
  // The replica's schema is its primary's: nothing to migrate or check there.
  const replique = config.databaseReplicaUrl
    ? await ouvrirBase({
        url: config.databaseReplicaUrl,
        taillePool: config.taillePool,
        migrations: "aucune",
        journal: journalDemarrage,
      })
    : undefined;
  const horloge = options.horloge ?? (() => new Date());
  await chargerReferentiel(base.db);
  await placerAuPointDeLaCommune(base.db);
  if (config.demo) await genererDemo(base.db, { maintenant: horloge() });
  // Alone on its database (embedded mode), this process runs the periodic tasks and the work
  // changes cause; beside a server database, the worker process runs them from the queue, once
  // per cluster, and this instance only asks for them (ADR 021).
  const boss =
    config.taches === "worker" && config.databaseUrl
      ? await clientDeFile(config.databaseUrl, {
          installer: !config.production,
          log: journalDemarrage,
        })
      : undefined;
  // Place changes close together make one regeneration, a moment after the first.
  let regenerationPrevue: NodeJS.Timeout | undefined;
  const travaux = boss
    ? travauxEnFile(boss)
    : travauxSurPlace(() => {
        if (regenerationPrevue) return;
        regenerationPrevue = setTimeout(() => {
          regenerationPrevue = undefined;
          ouvertesEnCours = genererOuvertes();
        }, DELAI_REGENERATION_MS);
        regenerationPrevue.unref();
      });
  const messagerie = creerMessagerie({
    db: base.db,
    smtpUrl: config.smtpUrl,
    expediteur: config.expediteur,
    log: journalDemarrage,
    texteDansLeJournal: !config.production,
    cle: config.cleFichiers,
    horloge,
    ...(boss ? { livraison: (tx, ids) => travaux.demander(tx, { nom: "courriels", ids }) } : {}),
  });
  const geocodeur = creerGeocodeur(config.urlGeocodeur);
  const cacheCarte = new CacheReponses(config.cacheCarteMs, 2_000);
  const lieuxModifies = () => {
    cacheCarte.vider();
    travaux
      .demander(null, { nom: "donnees-ouvertes" })
      .catch((erreur) =>
        journalDemarrage.error({ err: erreur }, "Régénération des données ouvertes non demandée"),
      );
  };
  const taches = boss
    ? null
    : executerLocalement(
        TACHES,
        { db: base.db, messagerie, geocodeur, horloge, config, lieuxModifies },
        journalDemarrage,
      );
  const relance = boss ? relanceParFile(boss) : undefined;
  const app: FastifyInstance = await construireApp({
    db: base.db,
    dbLecture: replique?.db ?? base.db,
    typeBase: base.type,
    config,
    messagerie,
    proconnect: config.proconnect
      ? creerProConnect(config.proconnect, config.urlPublique)
      : undefined,
    horloge,
    geocodeur,
    cacheCarte,
    lieuxModifies,
    travaux,
    taches: taches ?? relance,
    pool: base.pool,
  });
  journalApp = app.log;
  // Awaited on stop, so that a fold never runs on a closed database.
  let versementEnCours: Promise<unknown> = Promise.resolve();
  const versement = setInterval(() => {
    versementEnCours = verserAttente(base.db).catch((erreur) =>
      app.log.error({ err: erreur }, "Échec du versement des compteurs en attente"),
    );
  }, PERIODE_VERSEMENT_MS);
  versement.unref();
  // Open data: at start when missing or older than an hour, then every hour; a failure keeps
  // the previous files.
  const genererOuvertes = () =>
    genererDonneesOuvertes(base.db, horloge()).catch((erreur) =>
      app.log.error({ err: erreur }, "Échec de la génération des données ouvertes"),
    );
  // Beside a worker, it is the worker's (at its start, then on the queue).
  let ouvertesEnCours: Promise<unknown> = boss
    ? Promise.resolve()
    : genererDonneesOuvertesSiPerimees(base.db, horloge(), PERIODE_DONNEES_OUVERTES_MS).catch(
        (erreur) => app.log.error({ err: erreur }, "Échec de la génération des données ouvertes"),
      );
  const ouvertesAuDemarrage = ouvertesEnCours;
  return {
    app,
    base,
    config,
    messagerie,
    ouvertesAuDemarrage,
    arreter: async () => {
      await taches?.arreter();
      clearInterval(versement);
      clearTimeout(regenerationPrevue);
      await versementEnCours;
      await ouvertesEnCours;
      await app.close();
      // The queue client last: requests still being served ask it for their mails.
      await relance?.arreter();
      await messagerie.fermer();
      await replique?.fermer();
      if (!options.base) await base.fermer();
    },
  };
}
