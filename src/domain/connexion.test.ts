import { describe, expect, it } from "vitest";
import { messageEchecProConnect } from "./connexion.ts";

describe("messages d'échec ProConnect", () => {
  it("rend le message d'un code connu, et rien pour un code inconnu ou absent", () => {
    expect(messageEchecProConnect("compte_inconnu")).toMatch(/^Aucun compte actif/);
    expect(messageEchecProConnect("toString")).toBeUndefined();
    expect(messageEchecProConnect("n'importe quoi")).toBeUndefined();
    expect(messageEchecProConnect(null)).toBeUndefined();
  });
});
