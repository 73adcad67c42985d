import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes in base64url: 43 characters, well above the 32 that OIDC and links need. */
export function jetonAleatoire(): string {
  return randomBytes(32).toString("base64url");
}

export function empreinte(valeur: string): string {
  return createHash("sha256").update(valeur).digest("hex");
}
