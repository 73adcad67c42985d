import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executerSurServeur, urlAvecBase } from "../db/base-jetable.ts";
import { type Base, lignes, ouvrirBase } from "../db/client.ts";
import { courriel } from "../db/schema.ts";
import { creerMessagerie, type Messagerie } from "../infra/messagerie.ts";
import { attendre } from "../test/attente.ts";
import { horlogeReglable } from "../test/horloge.ts";
import { demarrerPuitsSmtp } from "../test/puits-smtp.ts";
import type { ContexteTaches } from "./catalogue.ts";
import { demarrerFileDeTaches, SCHEMA_FILE } from "./file-de-taches.ts";
import { clientDeFile } from "./relance.ts";
import { type Travaux, travauxEnFile } from "./travaux.ts";

const URL_PG = process.env.TEST_DATABASE_URL;
const log = pino({ level: "silent" });

describe.skipIf(!URL_PG)("travaux demandés dans la transaction du changement", () => {
  const nom = `cnfs_travaux_${process.pid}`;
  let base: Base;
  let boss: PgBoss;
  let travaux: Travaux;
  let web: Messagerie;
  let smtp: Awaited<ReturnType<typeof demarrerPuitsSmtp>>;
  const arrets: (() => Promise<void>)[] = [];

  const messagerie = (livraison?: Parameters<typeof creerMessagerie>[0]["livraison"]) =>
    creerMessagerie({
      db: base.db,
      smtpUrl: smtp.url,
      expediteur: "ne-pas-repondre@example.fr",
      log,
      texteDansLeJournal: false,
      cle: randomBytes(32),
      horloge: horlogeReglable().maintenant,
      ...(livraison ? { livraison } : {}),
    });
  const courrielsDeLaFile = async () =>
    (
      await lignes<{ n: number }>(
        base.db,
        sql.raw(`select count(*)::int as n from ${SCHEMA_FILE}.job where name = 'courriels'`),
      )
    )[0]!.n;

  beforeAll(async () => {
    await executerSurServeur(URL_PG!, `drop database if exists ${nom} with (force)`);
    await executerSurServeur(URL_PG!, `create database ${nom}`);
    const url = urlAvecBase(URL_PG!, nom);
    base = await ouvrirBase({ url });
    smtp = await demarrerPuitsSmtp();
    // The web instance's side: a client that only sends, its mails asked in their transaction.
    boss = await clientDeFile(url, { installer: true });
    travaux = travauxEnFile(boss);
    web = messagerie((tx, ids) => travaux.demander(tx, { nom: "courriels", ids }));
    // The worker's side: it delivers what the queue hands it.
    const worker = await demarrerFileDeTaches(
      url,
      [],
      { db: base.db, messagerie: messagerie() } as ContexteTaches,
      log,
      { travailler: true },
    );
    arrets.push(worker.arreter, () => boss.stop({ graceful: false, wait: true }));
  }, 30_000);

  afterAll(async () => {
    for (const a of arrets) await a();
    await smtp?.arreter();
    await base?.fermer();
    await executerSurServeur(URL_PG!, `drop database if exists ${nom} with (force)`);
  });

  it("un courriel écrit dans une transaction validée est envoyé une fois par le worker ; celui d'une transaction annulée, jamais", async () => {
    await base.db
      .transaction(async (tx) => {
        await web.mettreEnFile(tx, {
          destinataire: "annule@example.fr",
          objet: "Jamais",
          texte: "Ce changement est annulé.",
          modele: "essai",
        });
        throw new Error("annulation");
      })
      .catch(() => undefined);
    const id = await base.db.transaction((tx) =>
      web.mettreEnFile(tx, {
        destinataire: "valide@example.fr",
        objet: "Bienvenue",
        texte: "Ce changement est validé.",
        modele: "essai",
      }),
    );
    // The web side delivers nothing itself: the worker does.
    await web.distribuer([id]);
    expect(smtp.recus).toHaveLength(0);
    await attendre(() => smtp.recus.length > 0, 10_000);
    // Time for a second delivery, if there were one to come.
    await new Promise((ok) => setTimeout(ok, 2_000));
    expect(smtp.recus.map((m) => m.destinataire)).toEqual(["valide@example.fr"]);
    expect(await courrielsDeLaFile()).toBe(1);
    const boite = await base.db.select().from(courriel);
    expect(boite.map((c) => [c.destinataire, c.statut])).toEqual([["valide@example.fr", "envoye"]]);
  }, 20_000);

  it("des changements proches demandent une seule régénération des données ouvertes, qui vient après le dernier", async () => {
    const avant = await boss.getQueueSize("donnees-ouvertes", { before: "completed" });
    for (let i = 0; i < 5; i++)
      await base.db.transaction((tx) => travaux.demander(tx, { nom: "donnees-ouvertes" }));
    const jobs = await lignes<{ start_after: string; created_on: string }>(
      base.db,
      sql.raw(
        `select start_after::text, created_on::text from ${SCHEMA_FILE}.job where name = 'donnees-ouvertes' and singleton_key = 'apres-changement'`,
      ),
    );
    // One run for the slot, plus at most one at the start of the next for changes after it.
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(jobs.length).toBeLessThanOrEqual(2);
    expect(avant).toBe(0);
    // A rolled-back change asks for nothing.
    const n = jobs.length;
    await base.db
      .transaction(async (tx) => {
        await travaux.demander(tx, { nom: "donnees-ouvertes" });
        throw new Error("annulation");
      })
      .catch(() => undefined);
    const apres = await lignes<{ n: number }>(
      base.db,
      sql.raw(
        `select count(*)::int as n from ${SCHEMA_FILE}.job where name = 'donnees-ouvertes' and singleton_key = 'apres-changement'`,
      ),
    );
    expect(apres[0]!.n).toBe(n);
  });
});
