/**
 * The platform as it runs in production: two web instances and one worker, started from the
 * build with plain node, on one PostgreSQL database and its streaming replica, limits in Redis,
 * mail to a real SMTP server. Checks, one after the other:
 *
 * 1. a session opened on one instance works on the other (and the sign-in mail came through
 *    the worker);
 * 2. a mail written in a transaction that rolls back is never sent, its neighbour that commits is;
 * 3. each scheduled task runs once per tick, whatever the number of processes;
 * 4. the per-address sign-in limit counts both instances together;
 * 5. `kill -9` of an instance during a burst of CRA loses no acknowledged CRA, and
 *    `cnfs doctor` finds the statistics exact;
 * 6. the public map, read from the replica, returns the primary's places once caught up.
 *
 * Usage (after `npm run build`): TEST_PRIMAIRE_URL, TEST_REPLIQUE_URL (scripts/replication-locale.sh)
 * and TEST_REDIS_URL set, `npx tsx scripts/essai-plusieurs-processus.ts`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { setTimeout as pause } from "node:timers/promises";
import { Redis } from "ioredis";
import pino from "pino";
import {
  executerSurServeur,
  lignesSurServeur,
  urlAvecBase,
} from "../src/server/db/base-jetable.ts";
import { ouvrirBase } from "../src/server/db/client.ts";
import { creerMessagerie } from "../src/server/infra/messagerie.ts";
import { TACHES } from "../src/server/taches/catalogue.ts";
import { SCHEMA_FILE } from "../src/server/taches/file-de-taches.ts";
import { clientDeFile } from "../src/server/taches/relance.ts";
import { travauxEnFile } from "../src/server/taches/travaux.ts";
import { attendre } from "../src/server/test/attente.ts";
import { horlogeReglable } from "../src/server/test/horloge.ts";
import { lieuDeTest } from "../src/server/test/lieu-de-test.ts";
import { demarrerPuitsSmtp, lienDans } from "../src/server/test/puits-smtp.ts";
import { attendreRattrapage } from "../src/server/test/replication.ts";

function exiger(variable: string): string {
  const valeur = process.env[variable];
  if (!valeur) {
    console.error("TEST_PRIMAIRE_URL, TEST_REPLIQUE_URL et TEST_REDIS_URL sont nécessaires.");
    process.exit(2);
  }
  return valeur;
}
const PRIMAIRE = exiger("TEST_PRIMAIRE_URL");
const REPLIQUE = exiger("TEST_REPLIQUE_URL");
const REDIS = exiger("TEST_REDIS_URL");
if (!existsSync("dist/server/main.js")) {
  console.error("Pas de build : lancez d'abord « npm run build ».");
  process.exit(2);
}

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";
const COOKIE = "__Host-cnfs_session";
const nom = `cnfs_multi_${process.pid}`;
const primaire = urlAvecBase(PRIMAIRE, nom);
const replique = urlAvecBase(REPLIQUE, nom);
// A Redis database of its own: counters left by other tests do not count here.
const urlRedis = new URL(REDIS);
urlRedis.pathname = "/7";

let echecs = 0;
function verifier(condition: boolean, message: string, detail = "") {
  if (condition) console.log(`✓ ${message}${detail ? ` (${detail})` : ""}`);
  else {
    echecs++;
    console.error(`✗ ${message}${detail ? ` (${detail})` : ""}`);
  }
}

const smtp = await demarrerPuitsSmtp();
const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: primaire,
  DATABASE_REPLICA_URL: replique,
  REDIS_URL: urlRedis.toString(),
  SMTP_URL: smtp.url,
  HOST: "127.0.0.1",
  LOG_LEVEL: "warn",
  PUBLIC_URL: "http://127.0.0.1:4101",
  CNFS_TACHES: "worker",
  // Mails are encrypted by the instance that writes them and read by the worker: one key.
  CLE_CHIFFREMENT_FICHIERS: randomBytes(32).toString("base64"),
};
const processus: ChildProcess[] = [];
const lancer = (script: string, port?: number) => {
  const p = spawn("node", [script], {
    env: { ...env, ...(port ? { PORT: String(port) } : {}) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  processus.push(p);
  return p;
};
const cli = (...args: string[]) => {
  const r = spawnSync("node", ["dist/cli/main.js", ...args], { env, encoding: "utf8" });
  return { code: r.status, sortie: `${r.stdout}${r.stderr}` };
};

async function nettoyer() {
  for (const p of processus) p.kill("SIGKILL");
  await smtp.arreter();
  await executerSurServeur(PRIMAIRE, `drop database if exists ${nom} with (force)`).catch(
    () => undefined,
  );
}

try {
  await executerSurServeur(PRIMAIRE, `drop database if exists ${nom} with (force)`);
  await executerSurServeur(PRIMAIRE, `create database ${nom}`);
  const redis = new Redis(urlRedis.toString());
  await redis.flushdb();
  await redis.quit();
  for (const etape of [["migrer"], ["demo"]]) {
    const r = cli(...etape);
    if (r.code !== 0) throw new Error(`cnfs ${etape.join(" ")} : ${r.sortie}`);
  }
  const worker = lancer("dist/server/worker.js");
  const a = lancer("dist/server/main.js", 4101);
  lancer("dist/server/main.js", 4102);
  const A = "http://127.0.0.1:4101";
  const B = "http://127.0.0.1:4102";
  for (const url of [A, B])
    if (
      !(await attendre(
        () =>
          fetch(`${url}/api/sante`).then(
            (r) => r.ok,
            () => false,
          ),
        60_000,
      ))
    )
      throw new Error(`${url} ne répond pas`);
  console.log("Deux instances web et un worker démarrés.");

  const poster = (url: string, chemin: string, corps: object, cookie?: string) =>
    fetch(`${url}${chemin}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://127.0.0.1:4101",
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(corps),
    });

  // 1. A session opened on A works on B.
  await poster(A, "/api/auth/lien", { email: CONSEILLERE });
  const arrive = await attendre(
    () => smtp.recus.some((m) => m.destinataire === CONSEILLERE),
    15_000,
  );
  verifier(arrive, "le lien de connexion demandé sur A est envoyé par le worker");
  const lien = lienDans(smtp.recus.find((m) => m.destinataire === CONSEILLERE)!.texte);
  const connexion = await poster(A, "/api/auth/lien/connexion", {
    jeton: new URL(lien).searchParams.get("jeton"),
  });
  const cookie = connexion.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${COOKIE}=`))
    ?.split(";")[0];
  if (!cookie) throw new Error(`Pas de session ouverte sur A (${connexion.status})`);
  const moi = await fetch(`${B}/api/moi`, { headers: { cookie } });
  const email = moi.ok
    ? ((await moi.json()) as { utilisateur: { email: string } }).utilisateur.email
    : null;
  verifier(email === CONSEILLERE, "la session ouverte sur A vaut sur B", `B répond ${moi.status}`);

  // 2. A mail written in a rolled-back transaction is never sent.
  const base = await ouvrirBase({ url: primaire, migrations: "verifier" });
  const boss = await clientDeFile(primaire, { installer: false });
  const travaux = travauxEnFile(boss);
  const messagerie = creerMessagerie({
    db: base.db,
    smtpUrl: smtp.url,
    expediteur: "essai@example.fr",
    log: pino({ level: "silent" }),
    texteDansLeJournal: false,
    cle: Buffer.from(env.CLE_CHIFFREMENT_FICHIERS, "base64"),
    // Mail timestamps of this check only: a fixed instant, never the day it runs.
    horloge: horlogeReglable().maintenant,
    livraison: (tx, ids) => travaux.demander(tx, { nom: "courriels", ids }),
  });
  const mail = (destinataire: string) => ({
    destinataire,
    objet: "Essai",
    texte: "Essai de la file.",
    modele: "essai",
  });
  await base.db
    .transaction(async (tx) => {
      await messagerie.mettreEnFile(tx, mail("annule@example.fr"));
      throw new Error("annulation");
    })
    .catch(() => undefined);
  await base.db.transaction((tx) => messagerie.mettreEnFile(tx, mail("valide@example.fr")));
  await attendre(() => smtp.recus.some((m) => m.destinataire === "valide@example.fr"), 15_000);
  await pause(3_000);
  verifier(
    smtp.recus.some((m) => m.destinataire === "valide@example.fr") &&
      !smtp.recus.some((m) => m.destinataire === "annule@example.fr"),
    "le courriel d'une transaction validée part, celui d'une transaction annulée jamais",
  );

  // 3. Every task every minute for this run (the queue's schedules are in the database, the
  // worker reads them there): each tick makes one job per task, run by one process.
  const [{ debut }] = (await lignesSurServeur<{ debut: string }>(
    primaire,
    "select now()::text as debut",
  )) as [{ debut: string }];
  for (const t of TACHES) await boss.schedule(t.nom, "* * * * *", {}, { tz: "Europe/Paris" });
  const noms = TACHES.map((t) => t.nom);
  const executions = () =>
    lignesSurServeur<{ name: string; minute: string; n: number; pris: number }>(
      primaire,
      `select name, date_trunc('minute', created_on)::text as minute, count(*)::int as n,
              count(*) filter (where state <> 'created')::int as pris
         from ${SCHEMA_FILE}.job
        where name = any($1) and created_on >= $2 and singleton_key is distinct from 'apres-changement'
        group by 1, 2`,
      [noms, debut],
    );
  await attendre(async () => {
    const lignes = await executions();
    return noms.every((n) => lignes.some((l) => l.name === n && l.pris === l.n));
  }, 150_000);
  const lignes = await executions();
  verifier(
    noms.every((n) => lignes.some((l) => l.name === n)) && lignes.every((l) => l.n === 1),
    "chaque tâche planifiée a tourné une fois par échéance",
    lignes.map((l) => `${l.name} ${l.minute.slice(11, 16)} ×${l.n}`).join(", "),
  );
  await boss.stop({ graceful: false, wait: true });
  await base.fermer();

  // 4. The per-address sign-in limit (10 per quarter of an hour) counts A and B together: one
  // request made above, nine more spread over both, the eleventh refused.
  const statuts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = await poster(i % 2 ? A : B, "/api/auth/lien", { email: `personne${i}@example.fr` });
    statuts.push(r.status);
  }
  verifier(
    statuts.slice(0, 9).every((s) => s < 400) && statuts[9] === 429,
    "la 11e demande de lien depuis une adresse est refusée, les deux instances comptant ensemble",
    statuts.join(" "),
  );

  // 5. kill -9 of A in the middle of a burst of CRA: every acknowledged CRA is kept.
  const [{ jour }] = (await lignesSurServeur<{ jour: string }>(
    primaire,
    `select max(c.date)::text as jour from cra c join utilisateur u on u.id = c.conseiller_id
      where u.email = $1`,
    [CONSEILLERE],
  )) as [{ jour: string }];
  const acquittes: string[] = [];
  let perdus = 0;
  let parA = 0;
  let tue = false;
  const total = 400;
  let suivant = 0;
  const envoyer = async () => {
    while (suivant < total) {
      const i = suivant++;
      if (i === 150 && !tue) {
        tue = true;
        a.kill("SIGKILL");
      }
      // The load balancer sends to A while it lives, then everything to B.
      const cible = i % 2 === 0 && !tue ? A : B;
      try {
        const r = await poster(
          cible,
          "/api/cra",
          {
            type: "ponctuel",
            date: jour,
            dureeMinutes: 15 + (i % 4) * 15,
            typeLieu: "a_distance",
            thematiques: ["email"],
          },
          cookie,
        );
        if (r.status === 201) {
          acquittes.push(((await r.json()) as { id: string }).id);
          if (cible === A) parA++;
        } else perdus++;
      } catch {
        perdus++;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, envoyer));
  const [{ n }] = (await lignesSurServeur<{ n: number }>(
    primaire,
    "select count(*)::int as n from cra where id = any($1::uuid[])",
    [acquittes],
  )) as [{ n: number }];
  verifier(
    n === acquittes.length && acquittes.length > 0,
    "aucun CRA acquitté n'est perdu quand une instance est tuée",
    `${acquittes.length} acquittés dont ${parA} par A avant sa mort, ${n} en base, ${perdus} sans réponse`,
  );
  // The pending counters of the killed instance's CRA are folded by the other one.
  await pause(5_000);
  const docteur = cli("doctor");
  verifier(
    docteur.code === 0,
    "cnfs doctor : les statistiques sont exactes",
    docteur.sortie.trim(),
  );

  // 6. The public map reads the replica and returns what the primary wrote.
  const cree = await poster(
    B,
    "/api/conseiller/lieux",
    {
      nature: "secondaire",
      lieu: lieuDeTest("Tiers-lieu de l'essai à plusieurs processus"),
    },
    cookie,
  );
  const corpsCree = (await cree.json()) as { lieuId: string };
  const { lieuId } = corpsCree;
  await attendreRattrapage(primaire, replique);
  const fiche = await fetch(`${B}/api/v1/lieux/${lieuId}`);
  const [surReplique] = await lignesSurServeur<{ n: number }>(
    replique,
    "select count(*)::int as n from lieu where id = $1",
    [lieuId],
  );
  verifier(
    cree.status === 201 && fiche.status === 200 && surReplique?.n === 1,
    "la carte publique, lue sur la réplique, rend le lieu écrit sur la primaire une fois rattrapée",
    `création ${cree.status}, fiche ${fiche.status}${cree.status === 201 ? "" : ` : ${JSON.stringify(corpsCree)}`}`,
  );
  verifier(worker.exitCode === null, "le worker tourne toujours");
} catch (erreur) {
  echecs++;
  console.error("✗", erreur instanceof Error ? erreur.message : erreur);
} finally {
  await nettoyer();
}
console.log(
  echecs === 0 ? "Essai à plusieurs processus réussi." : `${echecs} vérification(s) en échec.`,
);
process.exit(echecs === 0 ? 0 : 1);
