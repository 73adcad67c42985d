import { desc } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { lireConfig } from "../config.ts";
import { journalConnexion } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { type PlateformeAvecPuits, plateformeAvecPuits } from "../test/plateforme.ts";
import { lienDans } from "../test/puits-smtp.ts";

const PREFET = "prefet.62@demo.conseiller-numerique.fr";
const PRODUCTION = {
  NODE_ENV: "production",
  CNFS_DEMO: "0",
  CLE_CHIFFREMENT_FICHIERS: Buffer.alloc(32, 3).toString("base64"),
};

describe("TRUST_PROXY", () => {
  it("ne croit aucun relais par défaut, même en production", () => {
    expect(lireConfig(PRODUCTION).confianceProxy).toBe(false);
  });
  it("lit un nombre de relais ou une liste d'adresses et de plages, refuse le reste en clair", () => {
    expect(lireConfig({ TRUST_PROXY: "1" }).confianceProxy).toBe(1);
    expect(lireConfig({ TRUST_PROXY: "10.0.0.0/8, ::1,loopback" }).confianceProxy).toEqual([
      "10.0.0.0/8",
      "::1",
      "loopback",
    ]);
    expect(() => lireConfig({ TRUST_PROXY: "tout le monde" })).toThrow(/TRUST_PROXY/);
    expect(() => lireConfig({ TRUST_PROXY: "10.0.0.0/40" })).toThrow(/TRUST_PROXY/);
  });
});

describe.each(BASES_DE_TEST)("adresse du client derrière un relais sur %s", (type) => {
  let p: PlateformeAvecPuits | undefined;
  afterEach(async () => {
    await p?.arreter();
  });

  const demander = (ip: string, faux: string) =>
    p!.app.inject({
      method: "POST",
      url: "/api/auth/lien",
      payload: { email: PREFET },
      remoteAddress: ip,
      headers: { "x-forwarded-for": faux },
    });
  const seConnecter = async (ip: string, faux: string) => {
    const m = p!.smtp.recus.filter((x) => x.destinataire === PREFET).at(-1)!;
    const jeton = new URL(lienDans(m.texte)).searchParams.get("jeton");
    return p!.app.inject({
      method: "POST",
      url: "/api/auth/lien/connexion",
      payload: { jeton },
      remoteAddress: ip,
      headers: { "x-forwarded-for": faux },
    });
  };
  const derniereIpJournalisee = async () =>
    (
      await p!.base.db
        .select({ ip: journalConnexion.ip })
        .from(journalConnexion)
        .orderBy(desc(journalConnexion.le))
        .limit(1)
    )[0]?.ip;

  it("en production, un X-Forwarded-For forgé ne lève pas la limite par IP et n'entre pas au journal", async () => {
    p = await plateformeAvecPuits(type, PRODUCTION);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push((await demander("10.7.0.1", `203.0.113.${i}`)).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(codes.slice(10)).toEqual([429, 429]);
    const r = await seConnecter("10.7.0.2", "198.51.100.7");
    expect(r.statusCode, r.body).toBe(200);
    expect(await derniereIpJournalisee()).toBe("10.7.0.2");
  });

  it("derrière le relais déclaré, l'adresse qu'il transmet est celle du client", async () => {
    p = await plateformeAvecPuits(type, { ...PRODUCTION, TRUST_PROXY: "10.7.0.0/24" });
    expect((await demander("10.7.0.1", "198.51.100.7")).statusCode).toBe(202);
    const r = await seConnecter("10.7.0.1", "198.51.100.8");
    expect(r.statusCode, r.body).toBe(200);
    expect(await derniereIpJournalisee()).toBe("198.51.100.8");
  });
});
