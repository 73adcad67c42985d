import pino from "pino";
import { lireConfig } from "./config.ts";
import { ouvrirBase } from "./db/client.ts";
import { creerGeocodeur } from "./infra/geocodeur.ts";
import { creerMessagerie } from "./infra/messagerie.ts";
import { genererDonneesOuvertesSiPerimees } from "./opendata/index.ts";
import { demarrerFileDeTaches, TACHES, type Travaux, travauxEnFile } from "./taches/index.ts";

/**
 * The worker process (`npm run worker`): runs the periodic tasks from the queue on the server
 * database, while the web instances serve HTTP only. Any number may run: each job goes to one.
 */
const config = lireConfig();
const log = pino({ level: config.niveauLog, name: "worker" });
if (!config.databaseUrl) {
  log.error(
    "Le worker sert une base PostgreSQL (DATABASE_URL). En mode embarqué, « npm start » exécute les tâches lui-même.",
  );
  process.exit(2);
}
const base = await ouvrirBase({
  url: config.databaseUrl,
  taillePool: 4,
  migrations: config.production ? "verifier" : "appliquer",
  journal: log,
});
const horloge = () => new Date();
const messagerie = creerMessagerie({
  db: base.db,
  smtpUrl: config.smtpUrl,
  expediteur: config.expediteur,
  log,
  texteDansLeJournal: !config.production,
  cle: config.cleFichiers,
  horloge,
});
let travaux: Travaux | undefined;
const file = await demarrerFileDeTaches(
  config.databaseUrl,
  TACHES,
  {
    db: base.db,
    messagerie,
    geocodeur: creerGeocodeur(config.urlGeocodeur),
    horloge,
    config,
    // Contracts ended: open data is regenerated on the queue (the web caches expire alone).
    lieuxModifies: () => {
      // Before the queue is up (a run at start), the next hourly run covers the change.
      travaux
        ?.demander(null, { nom: "donnees-ouvertes" })
        .catch((erreur) =>
          log.error({ err: erreur }, "Régénération des données ouvertes non demandée"),
        );
    },
  },
  log,
  { travailler: true },
);
travaux = travauxEnFile(file.boss);
// Open data missing or older than its hourly run (a first start, a long stop): made now.
await genererDonneesOuvertesSiPerimees(base.db, horloge(), 60 * 60 * 1000).catch((erreur) =>
  log.error({ err: erreur }, "Échec de la génération des données ouvertes"),
);
log.info(`Worker démarré : ${TACHES.map((t) => t.nom).join(", ")}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    file
      .arreter()
      .then(() => messagerie.fermer())
      .then(() => base.fermer())
      .finally(() => process.exit(0));
  });
}
