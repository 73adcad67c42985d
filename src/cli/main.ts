import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { nombreFr, quantite } from "../domain/format.ts";
import { jourParis } from "../domain/temps.ts";
import {
  importerCraV1,
  lireFichierV1,
  reconstruireRollups,
  verifierRollups,
} from "../server/activite/index.ts";
import { verifierAteliers } from "../server/ateliers/index.ts";
import { verifierPersonnesNommees } from "../server/beneficiaires/index.ts";
import { lireConfig } from "../server/config.ts";
import { verifierCoordinations } from "../server/coordination/index.ts";
import { ouvrirBase } from "../server/db/client.ts";
import { chargerReferentiel } from "../server/db/referentiel.ts";
import { CRAS_MAX, genererDemo, genererEchelleNationale } from "../server/demo/index.ts";
import { acteurSysteme } from "../server/infra/journal.ts";
import { verifierOrientations } from "../server/orientations/index.ts";
import { clientDeFile } from "../server/taches/index.ts";

const AIDE = `Commandes d'exploitation de la plateforme Conseillers numériques France Services

Usage : npm run cnfs -- <commande> [options]

  migrer                         applique les migrations et charge le référentiel administratif
  demo [--graine N]              charge le territoire de démonstration (une seule fois)
  demo --echelle nationale       ajoute les volumes nationaux : 15 000 structures,
       [--cra N] [--graine N]    5 000 conseillers et leurs lieux d'activité, 100 000 candidats,
                                 20 000 lieux et N comptes rendus d'activité (100 000 par défaut,
                                 10 millions au plus)
  import cra-v1 FICHIER          importe des comptes rendus de la plateforme d'origine (une ligne
       [--appliquer]             JSON { conseiller, cra } par compte rendu) : rapport, puis
                                 tout ou rien avec --appliquer
  doctor [--reparer]             recalcule les agrégats des statistiques depuis les comptes rendus
                                 et signale chaque écart (code de sortie 1) ; --reparer les
                                 reconstruit ; vérifie aussi les comptes rendus qui nomment des
                                 personnes suivies (signalés, jamais réparés d'office)
La base est celle de DATABASE_URL, sinon PGlite dans PGLITE_DIR (./data/pglite).`;

async function principal(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      echelle: { type: "string" },
      graine: { type: "string" },
      cra: { type: "string" },
      reparer: { type: "boolean" },
      appliquer: { type: "boolean" },
      aide: { type: "boolean", short: "h" },
    },
  });
  const [commande] = positionals;
  if (values.aide || !commande) {
    console.log(AIDE);
    return commande ? 0 : 1;
  }
  if (values.echelle !== undefined && values.echelle !== "nationale") {
    console.error(`Échelle inconnue : « ${values.echelle} ». Seule « nationale » existe.`);
    return 2;
  }
  const graine = values.graine === undefined ? undefined : Number(values.graine);
  if (graine !== undefined && !Number.isInteger(graine)) {
    console.error("La graine doit être un nombre entier.");
    return 2;
  }
  const cras = values.cra === undefined ? undefined : Number(values.cra);
  if (cras !== undefined && (!Number.isInteger(cras) || cras < 0 || cras > CRAS_MAX)) {
    console.error(
      `Le nombre de CRA doit être un entier entre 0 et ${CRAS_MAX.toLocaleString("fr-FR")}.`,
    );
    return 2;
  }
  if (cras !== undefined && values.echelle !== "nationale") {
    console.error("--cra ne s'emploie qu'avec --echelle nationale.");
    return 2;
  }
  const config = lireConfig();
  const base = await ouvrirBase(
    config.databaseUrl ? { url: config.databaseUrl } : { dossier: config.dossierPglite },
  );
  try {
    const { communes } = await chargerReferentiel(base.db);
    console.log(`Base ${base.type} à jour ; ${communes} communes au référentiel.`);
    if (commande === "migrer") {
      if (config.databaseUrl) {
        // The queue's tables and queues too: web instances send to them before a worker starts.
        const boss = await clientDeFile(config.databaseUrl, { installer: true });
        await boss.stop({ graceful: false, wait: true });
        console.log("File de tâches prête.");
      }
      return 0;
    }
    if (commande === "import") {
      const [, nature, fichier] = positionals;
      if (nature !== "cra-v1" || !fichier) {
        console.error("Usage : npm run cnfs -- import cra-v1 FICHIER [--appliquer]");
        return 2;
      }
      const rapport = await importerCraV1(base.db, {
        lignes: lireFichierV1(await readFile(fichier, "utf8")),
        appliquer: Boolean(values.appliquer),
        acteur: acteurSysteme(`import:${basename(fichier)}`, "cli"),
      });
      for (const r of rapport.rejetees.slice(0, 100))
        console.log(`Ligne ${r.ligne} : ${r.erreurs.map((e) => e.message).join(" ")}`);
      console.log(
        `${quantite(rapport.lignes, "ligne", "lignes")}, ${quantite(rapport.valides, "valide", "valides")}, ${quantite(rapport.rejetees.length, "rejetée", "rejetées")}, ${rapport.avertissements} sans thématique connue. ${rapport.applique ? "Importées." : "Rien n'est importé."}`,
      );
      return rapport.rejetees.length === 0 ? 0 : 1;
    }
    if (commande === "doctor") {
      const nommees = await verifierPersonnesNommees(base.db);
      for (const e of nommees.slice(0, 50)) console.log(`Écart cra ${e.craId} : ${e.motif}`);
      if (nommees.length > 0)
        console.log(
          `${quantite(nommees.length, "compte rendu", "comptes rendus")} nommant des personnes suivies en écart (à corriger par le conseiller, rien n'est réparé d'office).`,
        );
      else console.log("Les comptes rendus qui nomment des personnes suivies sont cohérents.");
      const coordinations = await verifierCoordinations(base.db, {
        aujourdhui: jourParis(new Date()),
      });
      for (const e of coordinations.slice(0, 50))
        console.log(`Écart coordination ${e.coordinationId} : ${e.motif}`);
      if (coordinations.length > 0)
        console.log(
          `${quantite(new Set(coordinations.map((e) => e.coordinationId)).size, "compte rendu", "comptes rendus")} de coordination en écart (à corriger par le coordinateur, rien n'est réparé d'office).`,
        );
      else console.log("Les comptes rendus de coordination sont cohérents.");
      const ateliers = await verifierAteliers(base.db);
      for (const e of ateliers.slice(0, 50))
        console.log(`Écart atelier ${e.atelierId} : ${e.motif}`);
      if (ateliers.length > 0)
        console.log(
          `${quantite(new Set(ateliers.map((e) => e.atelierId)).size, "atelier", "ateliers")} en écart (rien n'est réparé d'office).`,
        );
      else console.log("Les ateliers et leurs inscriptions sont cohérents.");
      const orientations = await verifierOrientations(base.db, { maintenant: new Date() });
      for (const e of orientations.slice(0, 50))
        console.log(`Écart orientation ${e.orientationId} : ${e.motif}`);
      if (orientations.length > 0)
        console.log(
          `${quantite(new Set(orientations.map((e) => e.orientationId)).size, "orientation", "orientations")} en écart (rien n'est réparé d'office).`,
        );
      else console.log("Les orientations sont cohérentes.");
      const sains =
        nommees.length === 0 &&
        coordinations.length === 0 &&
        ateliers.length === 0 &&
        orientations.length === 0;
      const ecarts = await verifierRollups(base.db);
      for (const e of ecarts.slice(0, 50))
        console.log(
          `Écart ${e.table} ${e.cle} : ${e.colonnes.length > 8 ? `${e.colonnes.length} compteurs` : e.colonnes.join(", ")}`,
        );
      if (ecarts.length === 0) {
        console.log("Les agrégats des statistiques correspondent aux comptes rendus.");
        return sains ? 0 : 1;
      }
      console.log(`${quantite(ecarts.length, "ligne", "lignes")} d'agrégats en écart.`);
      if (!values.reparer) return 1;
      await base.db.transaction((tx) => reconstruireRollups(tx));
      console.log("Agrégats reconstruits depuis les comptes rendus.");
      return (await verifierRollups(base.db)).length === 0 && sains ? 0 : 1;
    }
    if (commande === "demo") {
      if (values.echelle === "nationale") {
        const debut = Date.now();
        const volumes = await genererEchelleNationale(base.db, {
          ...(graine === undefined ? {} : { graine }),
          ...(cras === undefined ? {} : { volumes: { cras } }),
          surLot: (ecrits, total, debit) =>
            console.log(
              `${nombreFr(ecrits)} CRA sur ${nombreFr(total)} écrits (${nombreFr(Math.round(debit))} CRA par seconde)`,
            ),
        });
        console.log(
          `Volumes nationaux chargés en ${Math.round((Date.now() - debut) / 1000)} s : ${volumes.structures} structures, ${volumes.conseillers} conseillers, ${volumes.candidats} candidats, ${volumes.lieux} lieux, ${volumes.cras} CRA.`,
        );
      } else {
        const { genere } = await genererDemo(base.db, graine === undefined ? {} : { graine });
        console.log(
          genere
            ? "Territoire de démonstration chargé."
            : "La base a déjà des utilisateurs : rien n'a été ajouté.",
        );
      }
      return 0;
    }
    console.error(`Commande inconnue : « ${commande} ».\n\n${AIDE}`);
    return 2;
  } finally {
    await base.fermer();
  }
}

process.exitCode = await principal();
