import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StatutCourriel } from "../../domain/notifications/courriels.ts";
import { courriel, demandePostes, journal, structure } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  type PlateformeAvecPuits,
  plateformeAvecPuits,
  URL_TEST,
} from "../test/plateforme.ts";
import { verserSurLePostePourvu } from "../test/versement.ts";
import { envoyerDigests } from "./digests.ts";
import { reprendreCourriels } from "./reprise.ts";

const D = "demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("récapitulatifs quotidiens et courriels sur %s", (type) => {
  let p: PlateformeAvecPuits;
  let smtp: PlateformeAvecPuits["smtp"];
  // Each case on its own platform and clock: none depends on what another sent.
  beforeEach(async () => {
    p = await plateformeAvecPuits(type);
    smtp = p.smtp;
  });
  afterEach(() => p.arreter());

  const envoyer = () =>
    envoyerDigests(p.base.db, p.messagerie, {
      maintenant: p.horloge.maintenant(),
      urlPublique: URL_TEST,
    });
  const recusPar = (email: string) => smtp.recus.filter((m) => m.destinataire === email);

  /** A new application of the Commune de Lillers (Pas-de-Calais), deposited now. */
  const deposerLillers = async () => {
    const [lillers] = await p.base.db
      .select()
      .from(structure)
      .where(eq(structure.siret, "21620516100013"));
    await p.base.db.insert(demandePostes).values({
      structureId: lillers!.id,
      nature: "initiale",
      statut: "deposee",
      postesDemandes: 2,
      creeLe: p.horloge.maintenant(),
    });
  };

  it("la préfecture reçoit les nouvelles demandes de son territoire, une fois par jour", async () => {
    await deposerLillers();
    expect(await envoyer()).toBeGreaterThanOrEqual(1);
    const [digest] = recusPar(`prefet.62@${D}`);
    expect(digest?.objet).toBe(
      "Récapitulatif quotidien : demandes et échéances de votre territoire",
    );
    expect(digest?.texte).toContain("1 nouvelle demande de postes a été déposée depuis hier");
    expect(digest?.texte).toContain("Commune de Lillers – bibliothèque municipale (62) : 2 postes");
    expect(digest?.texte).toContain("Demandes en attente de votre avis : 1.");
    // The Nord has nothing new nor overdue: no empty mail.
    expect(recusPar(`prefet.59@${D}`)).toEqual([]);
    // A second run the same day sends nothing more.
    const avant = smtp.recus.length;
    expect(await envoyer()).toBe(0);
    expect(smtp.recus.length).toBe(avant);
  });

  it("la structure apprend les versements de sa subvention", async () => {
    await verserSurLePostePourvu(p, {
      montantCents: 100_000,
      date: "2026-03-01",
      reference: "BDT-2026-000321",
    });
    // The next morning, within the 24 hours the digest looks back on.
    p.horloge.avancer(22 * 3600 * 1000);
    await envoyer();
    const [digest] = recusPar(`structure.pimms@${D}`);
    expect(digest?.texte).toMatch(/versement de 1\s000,00\s€ le 1 mars 2026 \(avance\)/);
  });

  it("chacun choisit ses récapitulatifs ; un refus est journalisé et respecté", async () => {
    const prefet = await connecterPersona(p, `prefet.62@${D}`);
    const lire = () => p.app.inject({ url: "/api/moi/notifications", headers: { cookie: prefet } });
    expect((await lire()).json()).toEqual([
      expect.objectContaining({ code: "prefet", actif: true }),
    ]);
    const ecrire = (actifs: object) =>
      p.app.inject({
        method: "PUT",
        url: "/api/moi/notifications",
        headers: { cookie: prefet, origin: URL_TEST },
        payload: { actifs },
      });
    const etranger = await ecrire({ structure: false });
    expect(etranger.statusCode).toBe(400);
    expect(etranger.json().erreurs[0].message).toBe(
      "Ce récapitulatif ne concerne pas vos habilitations.",
    );
    const inconnu = await ecrire({ hebdo: true });
    expect(inconnu.statusCode).toBe(400);
    expect(inconnu.json().erreurs[0].message).toBe("Récapitulatif inconnu : hebdo.");
    const ok = await ecrire({ prefet: false });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()[0]).toMatchObject({ code: "prefet", actif: false });
    const [trace] = await p.base.db
      .select()
      .from(journal)
      .where(eq(journal.action, "utilisateur.notifications_modifiees"));
    expect(trace?.apres).toEqual({ refuses: ["prefet"] });

    // A new application: the préfète who said no receives nothing, the Nord's préfet neither.
    await deposerLillers();
    p.horloge.avancer(3600 * 1000);
    await envoyer();
    expect(recusPar(`prefet.62@${D}`)).toEqual([]);
  });

  it("l'ANCT liste les courriels et leur état de remise, sans leur texte", async () => {
    await deposerLillers();
    await verserSurLePostePourvu(p, {
      montantCents: 100_000,
      date: "2026-03-01",
      reference: "BDT-2026-000321",
    });
    await envoyer();
    const admin = await connecterPersona(p, `admin@${D}`);
    const r = await p.app.inject({
      url: "/api/admin/courriels?modele=digest_prefet",
      headers: { cookie: admin },
    });
    expect(r.statusCode).toBe(200);
    const { total, lignes, modeles } = r.json();
    expect(total).toBe(1);
    expect(lignes[0]).toMatchObject({ destinataire: `prefet.62@${D}`, statut: "envoye" });
    expect(lignes[0].texte).toBeUndefined();
    expect(modeles).toContain("digest_structure");
    const echecs = await p.app.inject({
      url: "/api/admin/courriels?statut=echec",
      headers: { cookie: admin },
    });
    expect(echecs.json().total).toBe(0);
    const mauvais = await p.app.inject({
      url: "/api/admin/courriels?statut=perdu",
      headers: { cookie: admin },
    });
    expect(mauvais.statusCode).toBe(400);
    expect(mauvais.body).toContain("Statut de courriel inconnu.");
    const prefet = await connecterPersona(p, `prefet.62@${D}`);
    expect(
      (await p.app.inject({ url: "/api/admin/courriels", headers: { cookie: prefet } })).statusCode,
    ).toBe(403);
  });

  it("n'envoie rien avant 7 heures, heure de Paris", async () => {
    // The next day at 05:00 in Paris (UTC+1 in March): a new application in the Nord.
    const demain = new Date(p.horloge.maintenant());
    demain.setUTCDate(demain.getUTCDate() + 1);
    demain.setUTCHours(4, 0, 0, 0);
    p.horloge.avancer(demain.getTime() - p.horloge.maintenant().getTime());
    const [devAndYou] = await p.base.db
      .select()
      .from(structure)
      .where(eq(structure.siret, "82150455600019"));
    await p.base.db.insert(demandePostes).values({
      structureId: devAndYou!.id,
      nature: "initiale",
      statut: "deposee",
      postesDemandes: 1,
      creeLe: p.horloge.maintenant(),
    });
    expect(await envoyer()).toBe(0);
    expect(recusPar(`prefet.59@${D}`)).toEqual([]);
    p.horloge.avancer(3 * 3600 * 1000);
    expect(await envoyer()).toBeGreaterThanOrEqual(1);
    expect(recusPar(`prefet.59@${D}`)[0]?.texte).toContain("DEV and YOU (59) : 1 poste");
  });

  it("renvoie les courriels en échec, jamais deux fois, et abandonne après cinq tentatives", async () => {
    const vieux = new Date(p.horloge.maintenant().getTime() - 3600 * 1000);
    const mail = (
      destinataire: string,
      statut: StatutCourriel,
      tentatives: number,
      creeLe: Date,
    ) => ({
      destinataire,
      objet: "Votre lien de connexion",
      texte: "Bonjour",
      modele: "lien_connexion",
      statut,
      tentatives,
      creeLe,
    });
    await p.base.db
      .insert(courriel)
      .values([
        mail("echec@exemple.fr", "echec", 1, vieux),
        mail("abandon@exemple.fr", "echec", 5, vieux),
        mail("attente@exemple.fr", "en_attente", 0, p.horloge.maintenant()),
      ]);
    expect(await reprendreCourriels(p.base.db, p.messagerie, p.horloge.maintenant())).toBe(1);
    expect(recusPar("echec@exemple.fr")).toHaveLength(1);
    expect(recusPar("abandon@exemple.fr")).toEqual([]);
    expect(recusPar("attente@exemple.fr")).toEqual([]);
    const [repris] = await p.base.db
      .select()
      .from(courriel)
      .where(eq(courriel.destinataire, "echec@exemple.fr"));
    expect(repris).toMatchObject({ statut: "envoye", tentatives: 2 });
    expect(await reprendreCourriels(p.base.db, p.messagerie, p.horloge.maintenant())).toBe(0);
    // A mail still waiting after its grace period is sent by the next pass.
    p.horloge.avancer(11 * 60 * 1000);
    expect(await reprendreCourriels(p.base.db, p.messagerie, p.horloge.maintenant())).toBe(1);
    expect(recusPar("attente@exemple.fr")).toHaveLength(1);
  });
});
