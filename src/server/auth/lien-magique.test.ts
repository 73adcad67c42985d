import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { courriel, jeton, journalConnexion } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  cookieDe,
  type PlateformeAvecPuits,
  plateformeAvecPuits,
  plateformeDeTest,
} from "../test/plateforme.ts";
import { lienDans } from "../test/puits-smtp.ts";

const PREFET = "prefet.62@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("connexion par lien magique sur %s", (type) => {
  let p: PlateformeAvecPuits;
  let smtp: PlateformeAvecPuits["smtp"];
  beforeEach(async () => {
    p = await plateformeAvecPuits(type);
    smtp = p.smtp;
  });
  afterEach(() => p.arreter());

  const demander = (email: string, ip = "10.0.0.1") =>
    p.app.inject({ method: "POST", url: "/api/auth/lien", payload: { email }, remoteAddress: ip });
  const consommer = (valeur: string, cookie?: string) =>
    p.app.inject({
      method: "POST",
      url: "/api/auth/lien/connexion",
      payload: { jeton: valeur },
      ...(cookie ? { headers: { cookie } } : {}),
    });
  const dernierLien = (email: string) => {
    const m = smtp.recus.filter((x) => x.destinataire === email).at(-1);
    if (!m) throw new Error(`aucun courriel pour ${email}`);
    return new URL(lienDans(m.texte));
  };

  it("envoie un lien par SMTP et connecte au rôle de la personne", async () => {
    const r = await demander(PREFET);
    expect(r.statusCode).toBe(202);
    const lien = dernierLien(PREFET);
    expect(lien.origin + lien.pathname).toBe("http://localhost:3000/connexion/lien");
    const valeur = lien.searchParams.get("jeton")!;

    // Only the hash is stored.
    const stockes = await p.base.db.select().from(jeton).where(eq(jeton.email, PREFET));
    expect(stockes.map((j) => j.hash)).not.toContain(valeur);
    expect(stockes.every((j) => /^[0-9a-f]{64}$/.test(j.hash))).toBe(true);

    const c = await consommer(valeur);
    expect(c.statusCode).toBe(200);
    expect(c.json().habilitation).toMatchObject({
      role: "prefet",
      accueil: "/espace/prefet",
      perimetre: { type: "departement", code: "62" },
    });
    const setCookie = String(c.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const moi = await p.app.inject({ url: "/api/moi", headers: { cookie: cookieDe(c) } });
    expect(moi.statusCode).toBe(200);
    expect(moi.json().utilisateur.email).toBe(PREFET);

    const [mail] = await p.base.db.select().from(courriel).where(eq(courriel.destinataire, PREFET));
    expect(mail?.statut).toBe("envoye");
  });

  it("ne sert qu'une fois", async () => {
    await demander(PREFET, "10.0.0.2");
    const valeur = dernierLien(PREFET).searchParams.get("jeton")!;
    expect((await consommer(valeur)).statusCode).toBe(200);
    const encore = await consommer(valeur);
    expect(encore.statusCode).toBe(400);
    expect(encore.json().erreurs[0].message).toMatch(/n'est plus valable/);
  });

  it("expire après 15 minutes", async () => {
    await demander(PREFET, "10.0.0.3");
    const valeur = dernierLien(PREFET).searchParams.get("jeton")!;
    p.horloge.avancer(15 * 60_000 + 1000);
    expect((await consommer(valeur)).statusCode).toBe(400);
    const refus = await p.base.db
      .select()
      .from(journalConnexion)
      .where(eq(journalConnexion.reussite, false));
    expect(refus.length).toBeGreaterThan(0);
  });

  it("répond la même chose pour une adresse inconnue, sans envoyer de courriel", async () => {
    const avant = smtp.recus.length;
    const connu = await demander(PREFET, "10.0.0.4");
    const inconnu = await demander("personne@exemple.fr", "10.0.0.4");
    expect(inconnu.statusCode).toBe(connu.statusCode);
    expect(inconnu.json()).toEqual(connu.json());
    expect(smtp.recus.length).toBe(avant + 1);
  });

  it("n'envoie pas plus de 3 liens par adresse en 15 minutes", async () => {
    p.horloge.avancer(16 * 60_000);
    const email = "prefet.59@demo.conseiller-numerique.fr";
    for (let i = 0; i < 5; i++) expect((await demander(email, `10.1.0.${i}`)).statusCode).toBe(202);
    expect(smtp.recus.filter((m) => m.destinataire === email)).toHaveLength(3);
  });

  it("limite les demandes par adresse IP", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await demander(`x${i}@exemple.fr`, "10.9.9.9")).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 202)).toBe(true);
    expect(codes[10]).toBe(429);
    const r = await demander("y@exemple.fr", "10.9.9.9");
    expect(r.json().erreurs[0].message).toMatch(/Trop de demandes/);
  });

  it("change d'identifiant de session à la connexion et ferme l'ancienne", async () => {
    p.horloge.avancer(16 * 60_000);
    await demander(PREFET, "10.0.1.1");
    const premiere = cookieDe(await consommer(dernierLien(PREFET).searchParams.get("jeton")!));
    await demander(PREFET, "10.0.1.2");
    const seconde = await consommer(dernierLien(PREFET).searchParams.get("jeton")!, premiere);
    expect(cookieDe(seconde)).not.toBe(premiere);
    expect(
      (await p.app.inject({ url: "/api/moi", headers: { cookie: premiere } })).statusCode,
    ).toBe(401);
    expect(
      (await p.app.inject({ url: "/api/moi", headers: { cookie: cookieDe(seconde) } })).statusCode,
    ).toBe(200);
  });

  it("expire la session après inactivité, et au plus tard après sa durée absolue", async () => {
    p.horloge.avancer(16 * 60_000);
    await demander(PREFET, "10.0.2.1");
    const cookie = cookieDe(await consommer(dernierLien(PREFET).searchParams.get("jeton")!));
    p.horloge.avancer(119 * 60_000);
    expect((await p.app.inject({ url: "/api/moi", headers: { cookie } })).statusCode).toBe(200);
    p.horloge.avancer(121 * 60_000);
    expect((await p.app.inject({ url: "/api/moi", headers: { cookie } })).statusCode).toBe(401);

    await demander(PREFET, "10.0.2.2");
    const autre = cookieDe(await consommer(dernierLien(PREFET).searchParams.get("jeton")!));
    for (let h = 0; h < 12; h++) {
      p.horloge.avancer(60 * 60_000);
      await p.app.inject({ url: "/api/moi", headers: { cookie: autre } });
    }
    p.horloge.avancer(60_000);
    expect((await p.app.inject({ url: "/api/moi", headers: { cookie: autre } })).statusCode).toBe(
      401,
    );
  });

  it("déconnecte en supprimant la session côté serveur", async () => {
    p.horloge.avancer(16 * 60_000);
    await demander(PREFET, "10.0.3.1");
    const cookie = cookieDe(await consommer(dernierLien(PREFET).searchParams.get("jeton")!));
    const r = await p.app.inject({
      method: "POST",
      url: "/api/auth/deconnexion",
      headers: { cookie },
    });
    expect(r.json()).toEqual({ redirection: "/" });
    expect((await p.app.inject({ url: "/api/moi", headers: { cookie } })).statusCode).toBe(401);
  });
});

describe("sans SMTP", () => {
  it("écrit le courriel dans la boîte d'envoi, consigné au journal applicatif", async () => {
    const p = await plateformeDeTest("pglite");
    try {
      const r = await p.app.inject({
        method: "POST",
        url: "/api/auth/lien",
        payload: { email: PREFET },
      });
      expect(r.statusCode).toBe(202);
      const [mail] = await p.base.db
        .select()
        .from(courriel)
        .where(eq(courriel.destinataire, PREFET));
      expect(mail?.statut).toBe("journalise");
      // The outbox keeps the link with its token masked: a database read signs nobody in.
      expect(mail?.texte).toMatch(/http:\/\/localhost:3000\/connexion\/lien\?jeton=\[masqué\]/);
      expect(mail?.texteChiffre).toBeNull();
    } finally {
      await p.arreter();
    }
  });
});
