import { soignerAteliers } from "../ateliers/index.ts";
import { conserverPersonnesSuivies } from "../beneficiaires/index.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { Geocodeur } from "../infra/geocodeur.ts";
import type { Messagerie } from "../infra/messagerie.ts";
import { faireLeMenage, localiserEnAttente, traiterEcheances } from "../jobs/index.ts";
import { envoyerDigests, reprendreCourriels } from "../notifications/index.ts";
import { genererDonneesOuvertes } from "../opendata/index.ts";
import { soignerOrientations } from "../orientations/index.ts";

/** What a scheduled task may use: the same whichever process runs it. */
export type ContexteTaches = {
  db: Db;
  messagerie: Messagerie;
  geocodeur: Geocodeur;
  horloge: () => Date;
  config: Pick<Config, "session" | "urlPublique">;
  /** Places changed (a contract ended): the public map and open data follow. */
  lieuxModifies: () => void;
};

/**
 * A periodic task of the platform. `cron` is its schedule on the queue (Paris time, once per
 * cluster whatever the number of processes); `periodeMs` its interval when the one embedded
 * process runs it alone.
 */
export type Tache = {
  nom: string;
  libelle: string;
  cron: string;
  periodeMs: number;
  executer: (c: ContexteTaches) => Promise<unknown>;
};

const QUART_D_HEURE = 15 * 60 * 1000;

/** The platform's periodic tasks, the one list both runners read. */
export const TACHES: readonly Tache[] = [
  {
    nom: "menage",
    libelle: "Ménage des sessions et jetons expirés, durées de conservation",
    cron: "*/15 * * * *",
    periodeMs: QUART_D_HEURE,
    executer: (c) => faireLeMenage(c.db, c.horloge(), c.config.session),
  },
  {
    nom: "localisation",
    libelle: "Localisation des adresses que le géocodeur n'a pas su placer",
    cron: "*/15 * * * *",
    periodeMs: QUART_D_HEURE,
    executer: (c) => localiserEnAttente(c.db, c.geocodeur),
  },
  {
    nom: "echeances",
    libelle: "Rappels d'échéances et fin des contrats échus",
    cron: "*/15 * * * *",
    periodeMs: QUART_D_HEURE,
    executer: async (c) => {
      const r = await traiterEcheances(c.db, c.messagerie, {
        maintenant: c.horloge(),
        urlPublique: c.config.urlPublique,
      });
      // Contracts ended today leave their places: open data follows.
      if (r.contratsTermines > 0) c.lieuxModifies();
      return r;
    },
  },
  {
    nom: "recapitulatifs",
    libelle: "Récapitulatifs par courriel",
    cron: "*/15 * * * *",
    periodeMs: QUART_D_HEURE,
    executer: (c) =>
      envoyerDigests(c.db, c.messagerie, {
        maintenant: c.horloge(),
        urlPublique: c.config.urlPublique,
      }),
  },
  {
    nom: "reprise-courriels",
    libelle: "Nouvel envoi des courriels en échec",
    cron: "*/15 * * * *",
    periodeMs: QUART_D_HEURE,
    executer: (c) => reprendreCourriels(c.db, c.messagerie, c.horloge()),
  },
  {
    nom: "conservation-personnes",
    libelle: "Suppression des personnes suivies sans accompagnement depuis 24 mois, après préavis",
    cron: "20 * * * *",
    periodeMs: 60 * 60 * 1000,
    executer: (c) =>
      conserverPersonnesSuivies(c.db, c.messagerie, {
        maintenant: c.horloge(),
        urlPublique: c.config.urlPublique,
      }),
  },
  {
    nom: "ateliers",
    libelle: "Rappel des ateliers la veille, effacement des inscrits 30 jours après",
    cron: "40 * * * *",
    periodeMs: 60 * 60 * 1000,
    executer: (c) => soignerAteliers(c.db, c.messagerie, { maintenant: c.horloge() }),
  },
  {
    nom: "orientations",
    libelle: "Orientations sans réponse depuis 3 mois closes, contacts effacés 3 mois après la fin",
    cron: "45 * * * *",
    periodeMs: 60 * 60 * 1000,
    executer: (c) => soignerOrientations(c.db, { maintenant: c.horloge() }),
  },
  {
    nom: "donnees-ouvertes",
    libelle: "Génération des données ouvertes",
    cron: "0 * * * *",
    periodeMs: 60 * 60 * 1000,
    executer: (c) => genererDonneesOuvertes(c.db, c.horloge()),
  },
];
