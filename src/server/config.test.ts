import { describe, expect, it } from "vitest";
import { lireConfig } from "./config.ts";

const CLE = Buffer.alloc(32, 7).toString("base64");

describe("configuration", () => {
  it("exige en production une clé de chiffrement des fichiers de 32 octets", () => {
    expect(() => lireConfig({ NODE_ENV: "production" })).toThrow(/CLE_CHIFFREMENT_FICHIERS/);
    expect(() => lireConfig({ CLE_CHIFFREMENT_FICHIERS: "courte" })).toThrow();
    expect(lireConfig({ CLE_CHIFFREMENT_FICHIERS: CLE }).cleFichiers).toEqual(Buffer.alloc(32, 7));
  });
  it("refuse de démarrer en production avec le mode démonstration", () => {
    expect(() => lireConfig({ NODE_ENV: "production", CNFS_DEMO: "1" })).toThrow(/démonstration/);
  });
  it("coupe le mode démonstration par défaut en production et l'active ailleurs", () => {
    expect(lireConfig({ NODE_ENV: "production", CLE_CHIFFREMENT_FICHIERS: CLE }).demo).toBe(false);
    expect(lireConfig({}).demo).toBe(true);
  });
  it("n'active ProConnect que s'il est entièrement configuré", () => {
    expect(lireConfig({ PROCONNECT_ISSUER: "https://exemple.fr" }).proconnect).toBeUndefined();
    const c = lireConfig({
      PROCONNECT_ISSUER: "https://exemple.fr",
      PROCONNECT_CLIENT_ID: "a",
      PROCONNECT_CLIENT_SECRET: "b",
    });
    expect(c.proconnect?.clientId).toBe("a");
  });
  it("refuse le HTTP non chiffré vers ProConnect en production", () => {
    expect(() => lireConfig({ NODE_ENV: "production", PROCONNECT_ALLOW_HTTP: "1" })).toThrow();
  });
});
